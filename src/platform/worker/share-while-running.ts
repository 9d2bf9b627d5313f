/**
 * Work shared by key while it runs: a second caller with the same key gets the first caller's
 * promise instead of starting the work again. The maps passed in are the callers' in-memory
 * state of work in flight; losing them when the worker stops loses nothing but the sharing.
 */

/** Hands over follow-up work (storing the answer) that keeps the key shared until it is done. */
export type Hold = (work: Promise<unknown>) => void;

/**
 * Runs `start` once for every caller asking for `key` while it runs. Callers get its answer as
 * soon as it settles; work it `hold`s keeps the key shared until that is done too, so a caller
 * arriving meanwhile joins the answer instead of repeating the work before it is stored.
 */
export function shareWhileRunning<T>(
  running: Map<string, Promise<unknown>>,
  key: string,
  start: (hold: Hold) => Promise<T>,
): Promise<T> {
  const existing = running.get(key);
  if (existing) return existing as Promise<T>;
  let held: Promise<unknown> = Promise.resolve();
  const promise = start((work) => {
    held = work;
  });
  running.set(key, promise);
  const forget = () => {
    if (running.get(key) === promise) running.delete(key);
  };
  void promise.then(
    () => held.then(forget, forget),
    () => forget(),
  );
  return promise;
}
