// Keeps CRM traffic polite: shared identical lookups, a few requests per CRM, bounded 429 waits.
// The maps hold only work in flight, which dies with the worker anyway.
import { classifyError } from './errors';
import { shareWhileRunning, type Hold } from '../share-while-running';

const inFlight = new Map<string, Promise<unknown>>();
const turns = new Map<string, Turns>();
const slots = new Map<string, { active: number; waiting: (() => void)[] }>();
/** Start times of each CRM's recent requests (within a window), oldest first. */
const starts = new Map<string, number[]>();

const CRM_CONCURRENCY = 4;
const RATE_LIMIT_DEADLINE_MS = 10_000;
/** The first wait after a 429; it doubles with each further 429 of the same call. */
const MIN_RETRY_MS = 1000;
/** Retries per call, whatever the deadline: a CRM answering 429 at once cannot loop us. */
export const MAX_RETRIES = 3;

// Runs `run` once for all callers of `key` in flight (held work, like storing, included). A caller
// that may take other work's answer (a lookup, a Refresh's) names its key in `orJoin`: it goes first.
export function shareInFlight<T>(key: string, run: (hold: Hold) => Promise<T>, orJoin = '') {
  const other = inFlight.get(orJoin) as Promise<T> | undefined;
  return other ?? shareWhileRunning(inFlight, key, run);
}

interface Turns {
  /** How many requests have started: the number the next one gets. */
  started: number;
  /** The newest request that has answered or stored its answer. */
  newest: number;
  /** Requests not done yet; the entry goes when none is left. */
  open: number;
  /** Requests still waiting for their own answer, by number: a newer answer settles them. */
  waiting: Map<number, (answer: unknown) => void>;
}

/** One request's place among the requests for the same thing (see takeTurn). */
export type Turn<T> = ReturnType<typeof takeTurn<T>>;

// Orders one number's requests by start, not answer: a Refresh's newer answer wins even if an older
// request answers later; older waiters get it at once, and a late older answer is never stored.
export function takeTurn<T>(key: string) {
  const line: Turns = turns.get(key) ?? { started: 0, newest: 0, open: 0, waiting: new Map() };
  turns.set(key, line);
  const own = (line.started += 1);
  line.open += 1;
  let settle: (answer: T) => void = () => undefined;
  const overtaken = new Promise<T>((resolve) => (settle = resolve));
  line.waiting.set(own, settle as (answer: unknown) => void);
  let ended = false;
  return {
    /** Settles with the answer of a request that started later but answered first. */
    overtaken,
    /** Records this request's answer and gives it to every older request still waiting. */
    answered(answer: T) {
      line.waiting.delete(own);
      line.newest = Math.max(line.newest, own);
      for (const [number, resolve] of line.waiting) {
        if (number < own && line.waiting.delete(number)) resolve(answer);
      }
    },
    /** False once a newer request answered or stored; ask right before each write: newest wins. */
    mayStore() {
      if (own < line.newest) return false;
      line.newest = own;
      return true;
    },
    /** Ends the turn, once the request has answered or failed and its writes are done. */
    done() {
      if (ended) return;
      ended = true;
      line.waiting.delete(own);
      if ((line.open -= 1) === 0 && turns.get(key) === line) turns.delete(key);
    },
  };
}

/** Runs `run` when fewer than CRM_CONCURRENCY calls to the same CRM are active. */
async function withSlot<T>(crm: string, run: () => Promise<T>): Promise<T> {
  const slot = slots.get(crm) ?? { active: 0, waiting: [] };
  slots.set(crm, slot);
  if (slot.active < CRM_CONCURRENCY) slot.active += 1;
  else await new Promise<void>((resolve) => slot.waiting.push(resolve));
  try {
    return await run();
  } finally {
    const next = slot.waiting.shift();
    if (next) {
      next(); // the slot passes straight to the next waiter
    } else {
      slot.active -= 1;
      if (slot.active === 0) slots.delete(crm);
    }
  }
}

interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

// Requests reach a CRM with jitter, and its window may start after ours, so ours is a quarter
// longer: `perSecond` requests in any 1.25 s stay within `perSecond` in any second there.
const PACE_WINDOW_MS = 1250;

/**
 * Resolves when one more request to `crm` keeps it within `perSecond`, and counts it. A batch
 * (the softphone's list of numbers) uses at most half the rate, so a ringing call's lookup never
 * queues behind a thousand of them.
 */
export async function pace(
  crm: string,
  perSecond: number,
  clock: RetryClock,
  batch = false,
): Promise<void> {
  const room = batch ? Math.ceil(perSecond / 2) : perSecond;
  for (;;) {
    const now = clock.now();
    const recent = (starts.get(crm) ?? []).filter((at) => at > now - PACE_WINDOW_MS);
    if (recent.length < room) {
      starts.set(crm, [...recent, now]);
      return;
    }
    starts.set(crm, recent);
    await clock.sleep(recent[recent.length - room]! + PACE_WINDOW_MS - now);
  }
}

// Retries after a 429, waiting Retry-After but never less than a doubling backoff: `Retry-After: 0`
// or a past date (clock skew) would otherwise retry thousands of times before the deadline.
export async function retryRateLimited<T>(
  run: () => Promise<T>,
  clock: RetryClock,
  deadlineMs = RATE_LIMIT_DEADLINE_MS,
): Promise<T> {
  const deadline = clock.now() + deadlineMs;
  let backoff = MIN_RETRY_MS;
  for (let retries = 0; ; retries += 1) {
    try {
      return await run();
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind !== 'rateLimited' || retries >= MAX_RETRIES) throw failure;
      const asked = failure.retryAfterMs ?? 0;
      const wait = Math.max(Number.isFinite(asked) ? asked : 0, backoff);
      backoff *= 2;
      if (clock.now() + wait > deadline) throw failure;
      await clock.sleep(wait);
    }
  }
}

/** A CRM call in one of the CRM's slots (`crm`), retried after a 429. */
export const inCrmSlot = <T>(crm: string, run: () => Promise<T>, clock: RetryClock) =>
  retryRateLimited(() => withSlot(crm, run), clock);

/** For tests: how many shared requests, numbers with requests in turn, and slots are open. */
export function limiterLoad(): { inFlight: number; numbers: number; crms: number } {
  return { inFlight: inFlight.size, numbers: turns.size, crms: slots.size };
}
