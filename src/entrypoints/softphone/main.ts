// The softphone window: thin DOM glue hosting the Embeddable iframe; the logic is in bridge.ts.
import type { CallEvent, CallEventReply, RequestName } from '@/platform/messages';
import { request, send } from '@/platform/ui/messaging';
import { connectionItem, settingsItem } from '@/platform/storage/keys';
import type { Settings } from '@/features/settings/model/settings';
import { isFromSoftphone } from './accept';
import type { Connection } from '@/features/connection/model/connection';
import { handleWidgetMessage, register, type BridgeDeps } from './bridge';
import { rematchNamed } from './widget-match';
import { keepWorkerAwake } from './keep-worker-awake';
import { messageOf } from '@/platform/message-of';
import { softphoneTarget } from './origin';
import { MATCH_PATH, VIEW_PATH, parseWidgetMessage, type WidgetMessage } from './protocol';

const statusLine = document.getElementById('status') as HTMLParagraphElement;
const showCallButton = document.getElementById('show-call') as HTMLButtonElement;
const frameHost = document.getElementById('frame-host') as HTMLDivElement;
const heldList = document.getElementById('held') as HTMLUListElement;

// Success clears a status line about the same topic only: a match right after a withheld call
// must not hide why that call did not pop.
type Topic = 'setup' | 'calls' | 'views' | 'matches' | 'other';

let frame: HTMLIFrameElement | null = null;
let bridges: Bridges | null = null;
let frameOrigin = '';
let frameUrl = '';
/** The widget asked to be registered at least once: re-register it when settings change. */
let widgetReady = false;
let ignoredMessages = 0;
/** The last registration's line: a problem's line stays until something works again. */
let normalLine: string | null = null;
/** What the shown line is about; null for the normal line. */
let shownTopic: Topic | null = null;
// Calls the worker took that have not ended, the one last rung or connected last: a second call
// ending must not take away the first one's "Show call window". Refused calls are never here.
let liveCalls: string[] = [];
// Calls sent to the worker, held back by the bound on new calls, or ended (the late reply to
// an earlier event must not bring one back); newest last, enough for a window open all day.
const seen = new Map<string, 'sent' | 'held' | 'ended'>();
const MAX_SEEN = 200;
/** When each of the last new calls was sent: at most MAX_NEW_CALLS a minute pop. */
let newCallTimes: number[] = [];
const MAX_NEW_CALLS = 5;

function remember(sessionId: string, state: 'sent' | 'held' | 'ended'): void {
  seen.delete(sessionId);
  seen.set(sessionId, state);
  const [oldest] = seen.keys();
  if (seen.size > MAX_SEEN && oldest !== undefined) seen.delete(oldest);
}

// Everything a web phone needs, but never top navigation: a click in a taken-over frame could
// otherwise replace this window with a look-alike page.
const FRAME_SANDBOX = [
  'allow-scripts',
  'allow-same-origin',
  'allow-forms',
  'allow-popups',
  // Sign-in windows it opens are ordinary pages, not sandboxed like the frame.
  'allow-popups-to-escape-sandbox',
  'allow-modals',
  'allow-downloads',
].join(' ');

const HELD_BACK = `More than ${MAX_NEW_CALLS} new calls in a minute: CallPop did not pop the others, listed below.`;

/** A new call beyond MAX_NEW_CALLS in a minute (a flood) is listed here instead of popped. */
function heldBack({ sessionId, direction, from, to, status }: CallEvent): boolean {
  if (seen.has(sessionId) || status === 'NoCall') return seen.get(sessionId) === 'held';
  const now = Date.now();
  newCallTimes = newCallTimes.filter((at) => at > now - 60_000);
  const held = newCallTimes.length >= MAX_NEW_CALLS;
  remember(sessionId, held ? 'held' : 'sent');
  if (!held) {
    newCallTimes.push(now);
    return false;
  }
  const item = document.createElement('li');
  item.textContent = `${new Date(now).toLocaleTimeString()} ${direction === 'Inbound' ? from : to}`;
  heldList.prepend(item);
  heldList.hidden = false;
  return true;
}

function report(message: string, kind: 'info' | 'error', topic: Topic | null): void {
  shownTopic = topic;
  statusLine.textContent = message;
  statusLine.dataset.kind = kind;
  if (kind === 'error') console.warn(`CallPop softphone: ${message}`);
}

function succeeded(topic: Topic): void {
  if (shownTopic === topic && normalLine !== null) report(normalLine, 'info', null);
}

// `request`'s optional-payload overload cannot be expressed generically; same call at runtime.
const ask = request as (name: RequestName, payload: unknown) => Promise<never>;

function setLiveCalls(calls: string[]): void {
  liveCalls = calls;
  showCallButton.hidden = calls.length === 0;
}

/** Sends a call event, keeping the live calls by the reply while the event's frame is `current`. */
async function sendCallEvent(event: CallEvent, current: () => boolean): Promise<CallEventReply> {
  const { sessionId } = event;
  if (heldBack(event)) return { action: 'ignored', reason: HELD_BACK, tell: true };
  if (event.status === 'NoCall') {
    // Over whatever the worker answers: the softphone says the call is gone.
    remember(sessionId, 'ended');
    setLiveCalls(liveCalls.filter((id) => id !== sessionId));
  }
  const reply: CallEventReply = await ask('call.event', event);
  if (!current()) return reply;
  // Refused outright (no number it can look up): never a live call.
  if (reply.action === 'ignored' && reply.tell === true) {
    setLiveCalls(liveCalls.filter((id) => id !== sessionId));
  } else if (seen.get(sessionId) !== 'ended' && !liveCalls.includes(sessionId)) {
    setLiveCalls([...liveCalls, sessionId]);
  }
  return reply;
}

/** A topic's deps, with how many lines it said and answers it got (see handle). */
type Bridge = { deps: BridgeDeps; lines: number; answers: number };
type Bridges = Record<Topic, Bridge>;

// One deps object per frame and topic for the frame's life, since the bridge keys per-window state
// by it. Once the frame is replaced, its lines and calls are dropped (they'd hide why it went).
function bridgeFor(from: HTMLIFrameElement, origin: string, topic: Topic): Bridge {
  const current = (): boolean => frame === from;
  const bridge: Bridge = {
    lines: 0,
    answers: 0,
    deps: {
      request: async (name: RequestName, payload: unknown) => {
        const value =
          name === 'call.event'
            ? await sendCallEvent(payload as CallEvent, current)
            : await ask(name, payload);
        bridge.answers += 1;
        return value;
      },
      settings: () => settingsItem.get(),
      post: (message) => {
        if (current()) from.contentWindow?.postMessage(message, origin);
      },
      openUrl: (url) => chrome.tabs.create({ url }).then(() => undefined),
      report: (message, kind) => {
        if (!current()) return;
        bridge.lines += 1;
        // A registration's info line is the normal line.
        const normal = topic === 'setup' && kind === 'info';
        if (normal) normalLine = message;
        report(message, kind, normal ? null : topic);
      },
    },
  };
  return bridge;
}

function bridgesFor(from: HTMLIFrameElement, origin: string): Bridges {
  const topics: Topic[] = ['setup', 'calls', 'views', 'matches', 'other'];
  return Object.fromEntries(topics.map((t) => [t, bridgeFor(from, origin, t)])) as Bridges;
}

function topicOf(message: WidgetMessage): Topic {
  if (message.type === 'rc-adapter-pushAdapterState') return 'setup';
  if (message.type !== 'rc-post-message-request') return 'calls';
  return message.path === MATCH_PATH ? 'matches' : message.path === VIEW_PATH ? 'views' : 'other';
}

/** The call ringing or connected is the one "Show call window" shows, also after swapping back. */
function noteCurrentCall(message: WidgetMessage): void {
  if (message.type !== 'rc-active-call-notify') return;
  const { telephonySessionId, telephonyStatus } = message.call;
  if (telephonyStatus !== 'Ringing' && telephonyStatus !== 'CallConnected') return;
  const id = String(telephonySessionId);
  if (liveCalls.includes(id)) setLiveCalls([...liveCalls.filter((live) => live !== id), id]);
}

/** A message answered with nothing said is a success, and clears a line about its topic. */
async function handle(message: WidgetMessage, frameBridges: Bridges): Promise<void> {
  const topic = topicOf(message);
  const bridge = frameBridges[topic];
  const { lines, answers } = bridge;
  await handleWidgetMessage(bridge.deps, message);
  if (bridges === frameBridges) noteCurrentCall(message);
  if (bridge.lines === lines && bridge.answers > answers) succeeded(topic);
}

function removeFrame(): void {
  frame?.remove();
  frame = null;
  bridges = null;
  frameUrl = '';
  // No widget until the next frame asks: a settings change must not say "Matching callers".
  widgetReady = false;
  normalLine = null;
  for (const id of liveCalls) remember(id, 'ended');
  setLiveCalls([]);
}

function showFrame(softphone: Settings['softphone']): void {
  const target = softphoneTarget(softphone.url, softphone);
  if (!target.ok) {
    removeFrame();
    return report(target.reason, 'error', 'setup');
  }
  if (frame && target.url === frameUrl) return;
  removeFrame();
  frameUrl = target.url;
  frameOrigin = target.origin;
  frame = document.createElement('iframe');
  frame.title = 'Softphone';
  frame.allow = 'microphone; autoplay; clipboard-write';
  // Before src: the sandbox applies from the frame's next navigation.
  frame.setAttribute('sandbox', FRAME_SANDBOX);
  frame.src = target.url;
  bridges = bridgesFor(frame, target.origin);
  frameHost.append(frame);
  report(`Loading the softphone from ${target.origin}…`, 'info', 'setup');
}

window.addEventListener('message', (event: MessageEvent) => {
  if (!frame || !bridges || !isFromSoftphone(event, frame.contentWindow, frameOrigin)) {
    // Counted, never handled: lets the diagnostics (and the tests) see that it was refused.
    ignoredMessages += 1;
    document.documentElement.dataset.ignoredMessages = String(ignoredMessages);
    return;
  }
  const message = parseWidgetMessage(event.data);
  if (!message) return;
  if (message.type === 'rc-login-status-notify') return void keepAccountCountry(message.country);
  if (message.type === 'rc-adapter-pushAdapterState') widgetReady = true;
  void handle(message, bridges);
});

showCallButton.addEventListener('click', () => {
  const sessionId = liveCalls.at(-1);
  if (!sessionId) return;
  request('call.show', { sessionId }).then(
    () => succeeded('calls'),
    (error: unknown) =>
      report(`The call window could not be shown: ${messageOf(error)}`, 'error', 'calls'),
  );
});

/** The signed-in account's country serves numbers without a country code while Options sets none. */
async function keepAccountCountry(accountCountry: string): Promise<void> {
  if (accountCountry === '') return; // signed out: the last account's stays
  await settingsItem.update((s) => ({ ...s, softphone: { ...s.softphone, accountCountry } }));
}

// No registration again on a settings change: the widget applies lifetimes from its first only.
settingsItem.watch((next) => showFrame(next.softphone));
// The CRM account whose names the widget shows: another account changes them all, a new token none.
const accountOf = (c: Connection | null) =>
  c ? `${c.platform}:${c.accountId}:${c.hostname}` : null;
let namesFrom: string | null | undefined;
void connectionItem.get().then((connection) => (namesFrom ??= accountOf(connection)));
connectionItem.watch((next) => {
  const changed = accountOf(next) !== namesFrom;
  namesFrom = accountOf(next);
  if (!bridges || !widgetReady) return;
  const { matches, setup } = bridges;
  // Names from the connection before (another CRM's, or any after Disconnect) are matched again
  // once the widget knows the new one, not kept for their match lifetime.
  void register(setup.deps)
    .catch((error: unknown) => setup.deps.report(String(error), 'error'))
    .then(() => changed && rematchNamed(matches.deps));
});

void settingsItem
  .get()
  .then((settings) => showFrame(settings.softphone))
  .catch((error: unknown) =>
    report(`Settings could not be read: ${String(error)}`, 'error', 'setup'),
  );

keepWorkerAwake(() => send('status.get'));
