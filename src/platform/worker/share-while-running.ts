/** Hands over follow-up work (storing the answer) that keeps the key shared until it is done. */
export type Hold = (work: Promise<unknown>) => void;

// Runs `start` once for all callers of `key` while it runs; work it `hold`s keeps the key shared,
// so a caller arriving meanwhile joins instead of repeating the work before it is stored.
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
