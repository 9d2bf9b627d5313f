/**
 * The softphone window: hosts the Embeddable iframe and wires window messages to the bridge.
 * Thin DOM glue; the protocol logic lives in bridge.ts, protocol.ts and translate.ts.
 */
import type { RequestName } from '@/shared/messages';
import { request, send } from '@/shared/messaging';
import { connectionItem, settingsItem } from '@/shared/storage/keys';
import { isFromSoftphone } from './accept';
import { handleWidgetMessage, register, type BridgeDeps } from './bridge';
import { keepWorkerAwake } from './keep-worker-awake';
import { softphoneTarget } from './origin';
import { parseWidgetMessage } from './protocol';
import { toCallEvent } from './translate';

const statusLine = document.getElementById('status') as HTMLParagraphElement;
const showCallButton = document.getElementById('show-call') as HTMLButtonElement;
const frameHost = document.getElementById('frame-host') as HTMLDivElement;

let frame: HTMLIFrameElement | null = null;
let frameOrigin = '';
let frameUrl = '';
/** The widget asked to be registered at least once: re-register it when settings change. */
let widgetReady = false;
let ignoredMessages = 0;
/** The call going on now, for "Show call window" (a closed call window is never reopened by events). */
let currentCall: string | null = null;

function report(message: string, kind: 'info' | 'error'): void {
  statusLine.textContent = message;
  statusLine.dataset.kind = kind;
  if (kind === 'error') console.warn(`CallPop softphone: ${message}`);
}

const deps: BridgeDeps = {
  // `request`'s optional-payload overload cannot be expressed generically; same call at runtime.
  request: (name, payload) =>
    (request as (name: RequestName, payload: unknown) => Promise<never>)(name, payload),
  settings: () => settingsItem.get(),
  post: (message) => frame?.contentWindow?.postMessage(message, frameOrigin),
  openUrl: async (url) => {
    await chrome.tabs.create({ url });
  },
  report,
};

function showFrame(rawUrl: string): void {
  const target = softphoneTarget(rawUrl);
  if (!target.ok) {
    frame?.remove();
    frame = null;
    frameUrl = '';
    return report(target.reason, 'error');
  }
  if (frame && target.url === frameUrl) return;
  frame?.remove();
  widgetReady = false;
  frameUrl = target.url;
  frameOrigin = target.origin;
  frame = document.createElement('iframe');
  frame.title = 'Softphone';
  frame.allow = 'microphone; autoplay; clipboard-write';
  frame.src = target.url;
  frameHost.append(frame);
  report(`Loading the softphone from ${target.origin}…`, 'info');
}

window.addEventListener('message', (event: MessageEvent) => {
  if (!frame || !isFromSoftphone(event, frame.contentWindow, frameOrigin)) {
    // Counted, never handled: lets the diagnostics (and the tests) see that it was refused.
    ignoredMessages += 1;
    document.documentElement.dataset.ignoredMessages = String(ignoredMessages);
    return;
  }
  const message = parseWidgetMessage(event.data);
  if (!message) return;
  if (message.type === 'rc-adapter-pushAdapterState') widgetReady = true;
  if (message.type === 'rc-active-call-notify' || message.type === 'rc-call-ring-notify') {
    const translated = toCallEvent(message.call, message.type === 'rc-call-ring-notify');
    if ('event' in translated) {
      const ended = translated.event.status === 'NoCall';
      if (!ended) currentCall = translated.event.sessionId;
      else if (currentCall === translated.event.sessionId) currentCall = null;
      showCallButton.hidden = currentCall === null;
    }
  }
  void handleWidgetMessage(deps, message);
});

showCallButton.addEventListener('click', () => {
  if (!currentCall) return;
  request('call.show', { sessionId: currentCall }).catch((error: unknown) =>
    report(
      `The call window could not be shown: ${error instanceof Error ? error.message : String(error)}`,
      'error',
    ),
  );
});

function reRegister(): void {
  if (widgetReady) void register(deps).catch((error: unknown) => report(String(error), 'error'));
}

settingsItem.watch((next) => {
  showFrame(next.softphone.url);
  reRegister();
});
connectionItem.watch(() => reRegister());

void settingsItem
  .get()
  .then((settings) => showFrame(settings.softphone.url))
  .catch((error: unknown) => report(`Settings could not be read: ${String(error)}`, 'error'));

// Calls may ring at any moment while this window is open: keep the worker ready for them.
keepWorkerAwake(() => send('status.get'));
