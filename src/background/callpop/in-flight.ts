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

/**
 * The call's lookup, started once and shared by its events. `start` may `hold` follow-up work
 * (storing the answer): the lookup counts as running until that is done too, so an event that
 * reads the call meanwhile joins it instead of starting another.
 */
export function sharedLookup(
  key: string,
  start: (hold: (work: Promise<unknown>) => void) => Promise<LookupResult | null>,
): Promise<LookupResult | null> {
  const running = lookups.get(key);
  if (running) return running;
  let held: Promise<unknown> = Promise.resolve();
  const promise = start((work) => {
    held = work;
  });
  lookups.set(key, promise);
  const forget = () => {
    if (lookups.get(key) === promise) lookups.delete(key);
  };
  void promise.then(
    () => held.then(forget, forget),
    () => forget(),
  );
  return promise;
}

export function runningLookup(key: string): Promise<LookupResult | null> | undefined {
  return lookups.get(key);
}
