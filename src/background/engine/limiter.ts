/**
 * Keeps CRM traffic small and polite: identical lookups in flight share one request, each CRM
 * gets at most a few requests at a time, and a 429 waits (Retry-After, never less than a growing
 * backoff) a bounded number of times within a deadline.
 *
 * The two maps below are the one allowed kind of module state: promises of requests in flight
 * and waiters for a slot. Losing them when the worker stops loses nothing, since the requests
 * die with it.
 */
import { classifyError } from '../http/errors';
import { shareWhileRunning, type Hold } from '../share-while-running';

const inFlight = new Map<string, Promise<unknown>>();
const slots = new Map<string, { active: number; waiting: (() => void)[] }>();

export const CRM_CONCURRENCY = 4;
export const RATE_LIMIT_DEADLINE_MS = 10_000;
/** The first wait after a 429; it doubles with each further 429 of the same call. */
export const MIN_RETRY_MS = 1000;
/** Retries per call, whatever the deadline: a CRM answering 429 at once cannot loop us. */
export const MAX_RETRIES = 3;

/**
 * Runs `run` once for all callers asking for `key` while it is in flight. Work `run` holds
 * (storing the answer) keeps later callers joining it until that work is done.
 */
export function shareInFlight<T>(key: string, run: (hold: Hold) => Promise<T>): Promise<T> {
  return shareWhileRunning(inFlight, key, run);
}

/** Runs `run` when fewer than `limit` calls to the same CRM are active. */
export async function withSlot<T>(crm: string, limit: number, run: () => Promise<T>): Promise<T> {
  let slot = slots.get(crm);
  if (!slot) slots.set(crm, (slot = { active: 0, waiting: [] }));
  if (slot.active >= limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
  else slot.active += 1;
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

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * Retries `run` after each 429, at most MAX_RETRIES times. Each wait is what Retry-After asks
 * but never less than a backoff doubling from 1 s (also the wait when it says nothing):
 * `Retry-After: 0`, or a date already past through clock skew, would otherwise retry at once,
 * thousands of times before the deadline. Gives up with the 429 when the next try would start
 * after the deadline.
 */
export async function retryRateLimited<T>(
  run: () => Promise<T>,
  clock: RetryClock,
  deadlineMs = RATE_LIMIT_DEADLINE_MS,
  onWait?: (ms: number) => void,
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
      onWait?.(wait);
      await clock.sleep(wait);
    }
  }
}

/** For tests: how many shared requests and slots are open. */
export function limiterLoad(): { inFlight: number; crms: number } {
  return { inFlight: inFlight.size, crms: slots.size };
}
