/**
 * The one allowed in-memory state of call pop: work in flight in this worker, used only to
 * serialise events of one call, to share its lookup, and to serve the window of a call being
 * popped without reading back what was just written. Nothing here is the record of truth: that
 * is `callSessions` in chrome.storage.session, which survives a worker restart.
 */
import type { LookupResult } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';
import { shareWhileRunning, type Hold } from '@/platform/worker/share-while-running';

// In-memory by design (see above): per-session tail of the event queue.
const locks = new Map<string, Promise<unknown>>();
// In-memory by design (see above): the running lookup of each call, shared by its events.
const lookups = new Map<string, Promise<LookupResult | null>>();
// In-memory by design (see above): the record last written for each call being popped.
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
 * (storing the answer): the lookup counts as running until that is done too, so an event that
 * reads the call meanwhile joins it instead of starting another.
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
 * Marks `session` as being popped by this worker, keeping its record in memory: while the window
 * is being created, Chrome answers storage reads late, and the page is served from this copy.
 * Called under the call's lock as the claim is written, so no other event sees the claim first.
 * A stored claim this worker has no mark for was left by a worker that stopped mid-pop.
 */
export function beginPop(session: CallSession): void {
  popping.set(session.sessionId, session);
}

export function endPop(sessionId: string): void {
  popping.delete(sessionId);
}

const opening = new Set<string>();

/**
 * Runs `work` (opening the call's window and storing its id) marked as opening: a Show call
 * window asked meanwhile waits for it instead of opening a second window.
 */
export async function whileOpening<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
  opening.add(sessionId);
  try {
    return await work();
  } finally {
    opening.delete(sessionId);
  }
}

export function isOpeningWindow(sessionId: string): boolean {
  return opening.has(sessionId);
}

/** True while this worker is popping the call (see beginPop). */
export function isPoppingHere(sessionId: string): boolean {
  return popping.has(sessionId);
}

/** Keeps the in-memory copy current: called with every record written during a pop. */
export function noteWritten(session: CallSession): void {
  if (popping.has(session.sessionId)) popping.set(session.sessionId, session);
}

/** The record of a call this worker is popping, as last written; undefined otherwise. */
export function poppingRecord(sessionId: string): CallSession | undefined {
  return popping.get(sessionId);
}
