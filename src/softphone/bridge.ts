/**
 * The host side of the Embeddable protocol: answers the widget's requests and turns its call
 * notices into `call.event` requests. Stateless: the worker de-duplicates calls by sessionId, so
 * a reloaded page or a repeated notice never pops twice. Dependencies are injected so this runs
 * in unit tests without a DOM or chrome.*.
 */
import {
  ERROR_CODES,
  MAX_LOOKUP_BATCH,
  type Payload,
  type RequestName,
  type Value,
} from '@/shared/messages';
import { RequestFailed } from '@/shared/messaging';
import type { Settings } from '@/shared/settings';
import { sleep } from '@/shared/sleep';
import {
  MATCH_PATH,
  VIEW_PATH,
  parseMatchBody,
  parseViewBody,
  responseMessage,
  type WidgetMessage,
} from './protocol';
import { matchData, registrationMessage, resultsByRequest, toCallEvent } from './translate';

export type Requester = <N extends RequestName>(name: N, payload: Payload<N>) => Promise<Value<N>>;

export interface BridgeDeps {
  request: Requester;
  settings: () => Promise<Settings>;
  /** Posts to the softphone frame, at its configured origin only. */
  post: (message: unknown) => void;
  /** Opens a CRM page in a new tab (already checked to be http(s)). */
  openUrl: (url: string) => Promise<void>;
  /** A plain-words line for the user (and the tests). */
  report: (message: string, kind: 'info' | 'error') => void;
  /** Resolves after `ms` (tests pass their own clock). */
  wait?: (ms: number) => Promise<void>;
}

/**
 * The widget gives up on /contacts/match after 30 s, and a CRM that hangs can take longer (each
 * request may run to the request timeout). So the answer goes by this time, without names; the
 * names that come later are cached, and the widget is asked to match those numbers again.
 */
export const MATCH_DEADLINE_MS = 20_000;

/**
 * After the CRM failed to answer for some numbers (the widget already got them without names),
 * CallPop looks them up again after each of these waits, then stops. Numbers that failed while
 * a round was already waiting join it.
 */
export const REASK_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 240_000];

/**
 * A call event Chrome could not deliver (the worker was being stopped: "the message channel
 * closed before a response was received") is sent again after each of these waits. The worker
 * handles call.event once per sessionId, and a second send finishes a half-done pop.
 */
export const CALL_RESEND_DELAYS_MS: readonly number[] = [200, 1_000];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The request never reached the worker, or got no answer from it: `send` (shared/messaging.ts)
 * words such failures this way. A reply the worker gave (its own plain words) is not one.
 */
function isTransportFailure(error: unknown): boolean {
  return (
    error instanceof RequestFailed &&
    error.code === ERROR_CODES.internal &&
    /^CallPop (could not be reached|did not answer)\b/.test(error.message)
  );
}

function isHttpUrl(url: string | null): url is string {
  if (!url) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Registers CallPop as the widget's contact service; false when no CRM is connected. */
export async function register(deps: BridgeDeps): Promise<boolean> {
  const [connection, settings] = await Promise.all([
    deps.request('connection.get', undefined),
    deps.settings(),
  ]);
  if (!connection) {
    deps.report('Connect a CRM in CallPop options to see caller names here.', 'info');
    return false;
  }
  deps.post(registrationMessage(connection, settings));
  deps.report(`Matching callers in ${connection.displayName}.`, 'info');
  return true;
}

interface WidgetLookup {
  data: ReturnType<typeof matchData>;
  /** Numbers (as requested) the CRM or the cache answered: asked again, the cache answers. */
  answered: string[];
  /** Numbers (as requested) the CRM failed to answer, with nothing cached: worth asking again. */
  failed: string[];
  /** Why the CRM failed, in the engine's words, when some number failed. */
  problem: string | null;
  /**
   * Why the CRM refused (credentials, permissions): asking again would not help, the person
   * must act, so it is said and nothing is asked again.
   */
  refused: string | null;
  crmName: string;
}

/** The widget's match data from the engine's results; throws when no CRM is connected. */
async function lookUpForWidget(
  deps: BridgeDeps,
  request: { phoneNumbers: string[]; force?: boolean },
): Promise<WidgetLookup> {
  // Batched lookups (one cache read each, bounded CRM calls in the engine), as few as the
  // engine's batch size allows: a long call history can ask for more numbers than one takes.
  const batches: string[][] = [];
  for (let at = 0; at < request.phoneNumbers.length; at += MAX_LOOKUP_BATCH) {
    batches.push(request.phoneNumbers.slice(at, at + MAX_LOOKUP_BATCH));
  }
  const [answers, connection] = await Promise.all([
    Promise.all(
      batches.map((phoneNumbers) =>
        deps.request('contact.lookupMany', {
          phoneNumbers,
          ...(request.force ? { force: true } : {}),
        }),
      ),
    ),
    deps.request('connection.get', undefined),
  ]);
  // No prototype: a requested "__proto__" is a key like any other.
  const results = Object.create(null) as Value<'contact.lookupMany'>;
  for (const answer of answers) Object.assign(results, answer);
  if (!connection) throw new Error('No CRM is connected.');
  // The engine keys each result by the number exactly as it was requested.
  const resultOf = resultsByRequest(results);
  const answered: string[] = [];
  const failed: string[] = [];
  let problem: string | null = null;
  let refused: string | null = null;
  for (const number of new Set(request.phoneNumbers)) {
    const result = resultOf(number);
    if (result?.crmFailed) {
      failed.push(number);
      problem ??= result.returnMessage?.message ?? null;
    } else if (result?.crmFailure === 'refused') {
      refused ??= result.returnMessage?.message ?? `${connection.displayName} refused the lookup`;
    } else if (result !== undefined && result.source !== 'none') {
      answered.push(number);
    }
  }
  return {
    data: matchData(request.phoneNumbers, results, connection.platform),
    answered,
    failed,
    problem,
    refused,
    crmName: connection.displayName,
  };
}

function askWidgetAgain(deps: BridgeDeps, phoneNumbers: string[]): void {
  if (phoneNumbers.length > 0) {
    deps.post({ type: 'rc-adapter-trigger-contact-match', phoneNumbers });
  }
}

/** Numbers waiting to be looked up again after a CRM failure, per bridge (one window). */
interface Reasking {
  pending: Set<string>;
  running: boolean;
}
const reasking = new WeakMap<BridgeDeps, Reasking>();

/**
 * The widget got no names for these numbers and keeps that as "no match" for minutes: say why,
 * then look them up again later and, for those the CRM answers, have the widget ask again (it
 * then gets them from the cache).
 */
function afterCrmFailure(deps: BridgeDeps, lookup: WidgetLookup): void {
  if (lookup.refused && lookup.failed.length === 0) {
    deps.report(`${lookup.refused}: callers show no names until that is fixed.`, 'error');
  }
  if (lookup.failed.length === 0) return;
  const why = lookup.problem ?? `${lookup.crmName} could not be reached`;
  deps.report(
    `${why}: callers show no names until ${lookup.crmName} answers; CallPop will ask again.`,
    'error',
  );
  let state = reasking.get(deps);
  if (!state) {
    state = { pending: new Set(), running: false };
    reasking.set(deps, state);
  }
  for (const number of lookup.failed) state.pending.add(number);
  if (!state.running) {
    state.running = true;
    void reask(deps, state, lookup.crmName);
  }
}

async function reask(deps: BridgeDeps, state: Reasking, crmName: string): Promise<void> {
  const wait = deps.wait ?? sleep;
  try {
    for (const delay of REASK_DELAYS_MS) {
      await wait(delay);
      const numbers = [...state.pending];
      let lookup: WidgetLookup;
      try {
        lookup = await lookUpForWidget(deps, { phoneNumbers: numbers });
      } catch {
        continue; // the worker could not be reached, or the CRM was disconnected: next round
      }
      const failed = new Set(lookup.failed);
      for (const number of numbers) if (!failed.has(number)) state.pending.delete(number);
      askWidgetAgain(deps, lookup.answered);
      if (state.pending.size === 0) {
        deps.report(`${lookup.crmName} answers again: caller names are back.`, 'info');
        return;
      }
    }
    state.pending.clear();
    deps.report(
      `${crmName} still did not answer, so CallPop stopped asking: callers matched meanwhile show no names until the softphone asks again.`,
      'error',
    );
  } finally {
    state.running = false;
  }
}

async function answerMatch(deps: BridgeDeps, body: unknown): Promise<unknown> {
  const parsed = parseMatchBody(body);
  if (typeof parsed === 'string') {
    deps.report(parsed, 'error');
    return { data: {} };
  }
  if (parsed.phoneNumbers.length === 0) return { data: {} };
  const lookup = lookUpForWidget(deps, parsed);
  const late = (deps.wait ?? sleep)(MATCH_DEADLINE_MS).then(() => null);
  try {
    const outcome = await Promise.race([lookup, late]);
    if (outcome) {
      // Failed numbers are answered now, without names (never a 30-second wait), and asked
      // about again later.
      afterCrmFailure(deps, outcome);
      return { data: outcome.data };
    }
  } catch (error) {
    // No names rather than a 30-second wait: the widget shows the raw numbers meanwhile.
    deps.report(`Caller names could not be looked up: ${messageOf(error)}`, 'error');
    return { data: {} };
  }
  deps.report('The CRM is slow to answer; caller names will show when it does.', 'info');
  lookup.then(
    (outcome) => {
      askWidgetAgain(deps, outcome.answered);
      afterCrmFailure(deps, outcome);
    },
    (error: unknown) =>
      deps.report(`Caller names could not be looked up: ${messageOf(error)}`, 'error'),
  );
  return { data: {} };
}

async function viewContact(deps: BridgeDeps, body: unknown): Promise<void> {
  const parsed = parseViewBody(body);
  if (typeof parsed === 'string') return deps.report(parsed, 'error');
  try {
    const result = await deps.request('contact.lookup', { phoneNumber: parsed.phoneNumber });
    const contact = result.contacts.find((c) => String(c.id) === parsed.id);
    // The engine answers a CRM it could not ask as source 'none' with the reason.
    const problem = result.source === 'none' ? result.returnMessage?.message : undefined;
    if (!contact && problem) {
      return deps.report(`The contact page could not be opened: ${problem}`, 'error');
    }
    if (!contact) return deps.report('That contact is no longer in the CRM.', 'error');
    if (!isHttpUrl(contact.pageUrl)) {
      return deps.report(`${contact.name} has no CRM page CallPop can open.`, 'error');
    }
    await deps.openUrl(contact.pageUrl);
  } catch (error) {
    deps.report(`The contact page could not be opened: ${messageOf(error)}`, 'error');
  }
}

async function answerRequest(
  deps: BridgeDeps,
  message: Extract<WidgetMessage, { type: 'rc-post-message-request' }>,
): Promise<void> {
  let response: unknown = { data: 'ok' };
  if (message.path === MATCH_PATH) response = await answerMatch(deps, message.body);
  else if (message.path === VIEW_PATH) await viewContact(deps, message.body);
  // Other paths (loggers, settings) are not registered by us; a quick 'ok' spares the widget
  // its timeout, as App Connect does.
  deps.post(responseMessage(message.requestId, response));
}

async function forwardCall(
  deps: BridgeDeps,
  message: Extract<WidgetMessage, { type: 'rc-active-call-notify' | 'rc-call-ring-notify' }>,
): Promise<void> {
  const translated = toCallEvent(message.call, message.type === 'rc-call-ring-notify');
  if ('ignored' in translated) {
    if (translated.tell) deps.report(translated.ignored, 'info');
    return;
  }
  const wait = deps.wait ?? sleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const reply = await deps.request('call.event', translated.event);
      if (reply.tell) deps.report(reply.reason, 'info');
      return;
    } catch (error) {
      if (!isTransportFailure(error)) {
        // The worker's own plain words: sending again would get the same answer.
        return deps.report(`Call pop failed: ${messageOf(error)}`, 'error');
      }
      const delay = CALL_RESEND_DELAYS_MS[attempt];
      if (delay === undefined) {
        return deps.report(
          `Call pop failed: CallPop did not answer, even after ${attempt + 1} tries; it tries again on the call's next event.`,
          'error',
        );
      }
      // Chrome was stopping the worker: a new send starts it again.
      await wait(delay);
    }
  }
}

/** Handles one validated widget message (the caller has checked its source and origin). */
export async function handleWidgetMessage(deps: BridgeDeps, message: WidgetMessage): Promise<void> {
  try {
    switch (message.type) {
      case 'rc-adapter-pushAdapterState':
        await register(deps);
        return;
      case 'rc-post-message-request':
        return await answerRequest(deps, message);
      default:
        return await forwardCall(deps, message);
    }
  } catch (error) {
    deps.report(`The softphone bridge hit a problem: ${messageOf(error)}`, 'error');
  }
}
