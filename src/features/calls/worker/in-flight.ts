/** Call state kept in memory: losing it loses only work in flight; storage holds the record. */
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

/** Shared by the call's events; work `start` holds (storing the answer) counts as running. */
export function sharedLookup(
  key: string,
  start: (hold: Hold) => Promise<LookupResult | null>,
): Promise<LookupResult | null> {
  return shareWhileRunning(lookups, key, start);
}

export function runningLookup(key: string): Promise<LookupResult | null> | undefined {
  return lookups.get(key);
}

/** Set under the lock with the claim: a claim without it came from a stopped worker. The record is
 * kept current here: Chrome answers storage reads late while a window is being created. */
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
