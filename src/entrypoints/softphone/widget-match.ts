// The answer to the widget's `/contacts/match`, never later than the widget waits; numbers the
// CRM failed to answer are looked up again later and the widget asked to match them again.
import { ERROR_CODES, MAX_LOOKUP_BATCH, type Value } from '@/platform/messages';
import { RequestFailed } from '@/platform/ui/messaging';
import { sleep } from '@/platform/sleep';
import type { BridgeDeps } from './bridge';
import { messageOf } from '@/platform/message-of';
import { MAX_PHONE_INPUT_LENGTH } from '@/features/lookup/model/phone';
import { parseMatchBody } from './protocol';
import { withResend } from './resend';
import { matchData, resultsByRequest } from './translate';

// The widget gives up after 30 s and a hung CRM can take longer: answer by then without names,
// and have the widget match again once the late names are cached.
export const MATCH_DEADLINE_MS = 20_000;

/** Re-lookups of numbers the CRM failed to answer; numbers failing meanwhile join the round. */
export const REASK_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 240_000];

interface WidgetLookup {
  data: ReturnType<typeof matchData>;
  /** Numbers (as requested) the CRM or the cache answered: asked again, the cache answers. */
  answered: string[];
  /** Numbers (as requested) the CRM failed to answer, with nothing cached: worth asking again. */
  failed: string[];
  /** Why the CRM failed, in the engine's words, when some number failed. */
  problem: string | null;
  /** Why the CRM refused (credentials, permissions): asking again would not help, so it is said. */
  refused: string | null;
  crmName: string;
}

/** The widget's match data from the engine's results; throws when no CRM is connected. */
async function lookUpForWidget(
  deps: BridgeDeps,
  phoneNumbers: string[],
  force = false,
): Promise<WidgetLookup> {
  // Batched lookups (one cache read each, bounded CRM calls in the engine), as few as the
  // engine's batch size allows: a long call history can ask for more numbers than one takes.
  const batches = Array.from(
    { length: Math.ceil(phoneNumbers.length / MAX_LOOKUP_BATCH) },
    (_, i) => phoneNumbers.slice(i * MAX_LOOKUP_BATCH, (i + 1) * MAX_LOOKUP_BATCH),
  );
  // A worker stopped meanwhile would leave the widget with no names for minutes: sent again.
  const wait = deps.wait ?? sleep;
  const [answers, connection] = await Promise.all([
    Promise.all(
      batches.map((batch) =>
        withResend(
          () =>
            deps.request('contact.lookupMany', { phoneNumbers: batch, ...(force && { force }) }),
          wait,
        ),
      ),
    ),
    withResend(() => deps.request('connection.get', undefined), wait),
  ]);
  if (!connection) throw new RequestFailed(ERROR_CODES.notConnected, 'No CRM is connected.');
  // No prototype: a requested "__proto__" is a key like any other.
  const results = Object.create(null) as Value<'contact.lookupMany'>;
  for (const answer of answers) Object.assign(results, answer);
  return sortedOut(phoneNumbers, results, connection);
}

function sortedOut(
  phoneNumbers: string[],
  results: Value<'contact.lookupMany'>,
  { platform, displayName: crmName }: { platform: string; displayName: string },
): WidgetLookup {
  const resultOf = resultsByRequest(results);
  const lookup: WidgetLookup = {
    data: matchData(phoneNumbers, results, platform),
    answered: [],
    failed: [],
    problem: null,
    refused: null,
    crmName,
  };
  for (const number of new Set(phoneNumbers)) {
    const result = resultOf(number);
    if (result?.crmFailed) {
      lookup.failed.push(number);
      lookup.problem ??= result.returnMessage?.message ?? null;
    } else if (result?.crmFailure === 'refused') {
      lookup.refused ??= result.returnMessage?.message ?? `${crmName} refused the lookup`;
    } else if (result !== undefined && result.source !== 'none') {
      lookup.answered.push(number);
    }
  }
  return lookup;
}

function askWidgetAgain(deps: BridgeDeps, phoneNumbers: string[]): void {
  if (phoneNumbers.length === 0) return;
  deps.post({ type: 'rc-adapter-trigger-contact-match', phoneNumbers });
}

// Numbers named per bridge (one window), newest last: on a connection change the widget matches
// them again, not showing the old CRM's names for their whole match lifetime.
const named = new WeakMap<BridgeDeps, Set<string>>();
/** A day of calls at the most; older names the widget has long let go of. */
const MAX_NAMED = 1000;

function rememberNamed(deps: BridgeDeps, data: Record<string, unknown[]>): void {
  const numbers = named.get(deps) ?? new Set<string>();
  named.set(deps, numbers);
  // Newest last: a number named again moves to the end; the oldest go first.
  const namedNow = Object.keys(data).filter((number) => data[number]!.length > 0);
  for (const number of namedNow) numbers.delete(number);
  for (const number of namedNow) numbers.add(number);
  for (const oldest of numbers) if (numbers.size > MAX_NAMED) numbers.delete(oldest);
}

export function rematchNamed(deps: BridgeDeps): void {
  askWidgetAgain(deps, [...(named.get(deps) ?? [])]);
  named.delete(deps);
}

/** Numbers waiting to be looked up again after a CRM failure, per bridge (one window). */
type Reasking = { pending: Set<string>; running: boolean };
const reasking = new WeakMap<BridgeDeps, Reasking>();

// The widget keeps numbers answered without names as "no match" for minutes: say why, then look
// them up again and have the widget ask again for those the CRM answers (from the cache).
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
  const state = reasking.get(deps) ?? { pending: new Set<string>(), running: false };
  reasking.set(deps, state);
  for (const number of lookup.failed) state.pending.add(number);
  if (!state.running) void reask(deps, state, lookup.crmName);
}

async function reask(deps: BridgeDeps, state: Reasking, crmName: string): Promise<void> {
  const wait = deps.wait ?? sleep;
  state.running = true;
  try {
    for (const delay of REASK_DELAYS_MS) {
      await wait(delay);
      const numbers = [...state.pending];
      // Null when the worker could not be reached, or the CRM was disconnected: next round.
      const lookup = await lookUpForWidget(deps, numbers).catch(() => null);
      if (!lookup) continue;
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

/** When each number was last looked up in the CRM over the cache (a Refresh in the widget). */
const forcedAt = new Map<string, number>();
export const FORCE_EVERY_MS = 60_000;
const FORCE_BOUND = 'CallPop asks the CRM again for one number at a time, once a minute.';

/** A Refresh asks the CRM for one number, once a minute; more is answered from the cache. */
function mayForce(deps: BridgeDeps, { phoneNumbers }: { phoneNumbers: string[] }): boolean {
  const now = Date.now();
  for (const [number, at] of forcedAt) if (at <= now - FORCE_EVERY_MS) forcedAt.delete(number);
  const [number] = phoneNumbers;
  if (phoneNumbers.length === 1 && number !== undefined && !forcedAt.has(number)) {
    forcedAt.set(number, now);
    return true;
  }
  const what = phoneNumbers.length === 1 ? `${number} again` : `${phoneNumbers.length} numbers`;
  deps.report(`Answered a refresh of ${what} from the cache: ${FORCE_BOUND}`, 'info');
  return false;
}

export async function answerMatch(deps: BridgeDeps, body: unknown): Promise<unknown> {
  const parsed = parseMatchBody(body);
  if (typeof parsed === 'string') {
    deps.report(parsed, 'error');
    return { data: {} };
  }
  if (parsed.skipped > 0) {
    deps.report(
      `The softphone asked about ${parsed.skipped === 1 ? 'a number' : `${parsed.skipped} numbers`} longer than any phone number (over ${MAX_PHONE_INPUT_LENGTH} characters): ${parsed.skipped === 1 ? 'it gets' : 'they get'} no name.`,
      'error',
    );
  }
  // Numbers waiting for their next round after a CRM failure get no name (a missing key counts
  // as none), not a CRM request from every match meanwhile: that would keep a rate limit hit.
  const waiting = reasking.get(deps)?.pending;
  const phoneNumbers = parsed.phoneNumbers.filter((number) => !waiting?.has(number));
  if (phoneNumbers.length === 0) return { data: {} };
  const force = parsed.force && mayForce(deps, parsed);
  const lookup = lookUpForWidget(deps, phoneNumbers, force);
  const late = (deps.wait ?? sleep)(MATCH_DEADLINE_MS).then(() => null);
  try {
    const outcome = await Promise.race([lookup, late]);
    if (outcome) {
      // Failed numbers are answered now without names (no 30-second wait), and asked again later.
      afterCrmFailure(deps, outcome);
      rememberNamed(deps, outcome.data);
      return { data: outcome.data };
    }
  } catch (error) {
    // No CRM (just disconnected): every number without a name, so the widget drops the names
    // it had; the status line already says to connect one.
    if (error instanceof RequestFailed && error.code === ERROR_CODES.notConnected) {
      return { data: Object.fromEntries(parsed.phoneNumbers.map((number) => [number, []])) };
    }
    // No names rather than a 30-second wait: the widget shows the raw numbers meanwhile.
    deps.report(`Caller names could not be looked up: ${messageOf(error)}`, 'error');
    return { data: {} };
  }
  // A refused Refresh keeps its line: why CallPop did not ask the CRM matters more than the wait.
  if (force || !parsed.force) {
    deps.report('The CRM is slow to answer; caller names will show when it does.', 'info');
  }
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
