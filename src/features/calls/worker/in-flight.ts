/**
 * Work in flight in this worker, the only call state kept in memory: each call's lock, its
 * running lookup, and the record of a call being popped here. Losing it when the worker stops
 * loses nothing but this work: the record of truth is `callSessions` in chrome.storage.session.
 */
import type { LookupResult } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';
import { shareWhileRunning, type Hold } from '@/platform/worker/share-while-running';

const locks = new Map<string, Promise<unknown>>();
const lookups = new Map<string, Promise<LookupResult | null>>();
const popping = new Map<string, CallSession>();

/** Runs `task` after every earlier task of the same key: two events of one call never interleave. */
export function withSessionLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  locks.set(key, tail);
  void tail.then(() => {
    if (locks.get(key) === tail) locks.delete(key);
  });
  return run;
}

/**
 * The call's lookup, started once and shared by its events. `start` may `hold` follow-up work
 * (storing the answer): the lookup counts as running until that is done too.
 */
export function sharedLookup(
  key: string,
  start: (hold: Hold) => Promise<LookupResult | null>,
): Promise<LookupResult | null> {
  return shareWhileRunning(lookups, key, start);
}

export function runningLookup(key: string): Promise<LookupResult | null> | undefined {
  return lookups.get(key);
}

/**
 * Marks the call as being popped here (under its lock, as the claim is written): a stored claim
 * without this mark was left by a worker that stopped mid-pop. Its record is kept in memory
 * meanwhile, current with every write: while the window is being created, Chrome answers
 * storage reads late.
 */
export function beginPop(session: CallSession): void {
  popping.set(session.sessionId, session);
}

export function endPop(sessionId: string): void {
  popping.delete(sessionId);
}

/** The record of a call this worker is popping, as last written; undefined otherwise. */
export function poppingRecord(sessionId: string): CallSession | undefined {
  return popping.get(sessionId);
}
