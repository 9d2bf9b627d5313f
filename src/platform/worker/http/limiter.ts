/**
 * Keeps CRM traffic polite: identical lookups in flight share one request, each CRM gets a few
 * requests at a time, and a 429 waits (Retry-After, at least a growing backoff) a bounded number
 * of times. The maps below hold only work in flight, which dies with the worker anyway.
 */
import { classifyError } from './errors';
import { shareWhileRunning, type Hold } from '../share-while-running';

const inFlight = new Map<string, Promise<unknown>>();
const turns = new Map<string, Turns>();
const slots = new Map<string, { active: number; waiting: (() => void)[] }>();

export const CRM_CONCURRENCY = 4;
export const RATE_LIMIT_DEADLINE_MS = 10_000;
/** The first wait after a 429; it doubles with each further 429 of the same call. */
export const MIN_RETRY_MS = 1000;
/** Retries per call, whatever the deadline: a CRM answering 429 at once cannot loop us. */
export const MAX_RETRIES = 3;

/**
 * Runs `run` once for all callers asking for `key` while it is in flight. Work `run` holds
 * (storing the answer) keeps later callers joining it until that work is done. A caller that
 * may as well take the answer of other work (a lookup, that of a Refresh of the same number)
 * names its keys in `orJoin`: the first of them in flight is joined, before `key`.
 */
export function shareInFlight<T>(
  key: string,
  run: (hold: Hold) => Promise<T>,
  orJoin: readonly string[] = [],
): Promise<T> {
  for (const other of orJoin) {
    const running = inFlight.get(other);
    if (running) return running as Promise<T>;
  }
  return shareWhileRunning(inFlight, key, run);
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
export interface Turn<T> {
  /** Settles with the answer of a request that started later but answered first. */
  readonly overtaken: Promise<T>;
  /** Records this request's answer and gives it to every older request still waiting. */
  answered(answer: T): void;
  /**
   * Whether this request's answer may be stored: false once a newer request has answered or
   * stored. Asked right before each write, so the newest answer is the one written last.
   */
  mayStore(): boolean;
  /** Ends the turn, once the request has answered or failed and its writes are done. */
  done(): void;
}

/**
 * Orders the requests for one `key` (one number) by when they started, not by when they answer:
 * a Refresh asks the CRM anew while an older request may still hang, and whichever answers
 * first, the newer answer is the one kept. Older requests still waiting get it at once, and an
 * older answer arriving late is not stored over it.
 */
export function takeTurn<T>(key: string): Turn<T> {
  let line = turns.get(key);
  if (!line) turns.set(key, (line = { started: 0, newest: 0, open: 0, waiting: new Map() }));
  const own = (line.started += 1);
  line.open += 1;
  let settle: (answer: T) => void = () => undefined;
  const overtaken = new Promise<T>((resolve) => (settle = resolve));
  line.waiting.set(own, settle as (answer: unknown) => void);
  let ended = false;
  const state = line;
  return {
    overtaken,
    answered(answer) {
      state.waiting.delete(own);
      state.newest = Math.max(state.newest, own);
      for (const [number, resolve] of state.waiting) {
        if (number < own) {
          state.waiting.delete(number);
          resolve(answer);
        }
      }
    },
    mayStore() {
      if (own < state.newest) return false;
      state.newest = own;
      return true;
    },
    done() {
      if (ended) return;
      ended = true;
      state.waiting.delete(own);
      state.open -= 1;
      if (state.open === 0 && turns.get(key) === state) turns.delete(key);
    },
  };
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

/** For tests: how many shared requests, numbers with requests in turn, and slots are open. */
export function limiterLoad(): { inFlight: number; numbers: number; crms: number } {
  return { inFlight: inFlight.size, numbers: turns.size, crms: slots.size };
}
