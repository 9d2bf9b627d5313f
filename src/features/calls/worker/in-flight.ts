/** Call state kept in memory: losing it loses only work in flight; storage holds the record. */
import type { LookupResult } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';

const locks = new Map<string, Promise<unknown>>();
/** Each call's lookup, shared by its events; storing its answer counts as running. */
export const lookups = new Map<string, Promise<LookupResult | null>>();

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

// Each call this worker is popping, as last written (Chrome answers storage reads late while a
// window is being created); set with the claim: a claim without it came from a stopped worker.
export const popping = new Map<string, CallSession>();
