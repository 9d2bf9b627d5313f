/**
 * The one allowed in-memory state of call pop: promises of work in flight in this worker, used
 * only to serialise events of one call and to share its lookup. Nothing here is the record of
 * truth: that is `callSessions` in chrome.storage.session, which survives a worker restart.
 */
import type { LookupResult } from '@/shared/messages';

// In-memory by design (see above): per-session tail of the event queue.
const locks = new Map<string, Promise<unknown>>();
// In-memory by design (see above): the running lookup of each call, shared by its events.
const lookups = new Map<string, Promise<LookupResult | null>>();

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

export function sharedLookup(
  key: string,
  start: () => Promise<LookupResult | null>,
): Promise<LookupResult | null> {
  const running = lookups.get(key);
  if (running) return running;
  const promise = start().finally(() => {
    if (lookups.get(key) === promise) lookups.delete(key);
  });
  lookups.set(key, promise);
  return promise;
}

export function runningLookup(key: string): Promise<LookupResult | null> | undefined {
  return lookups.get(key);
}
