/**
 * While the softphone window is open, calls can ring at any moment, and Chrome stops an idle
 * extension worker after 30 s: a pop would then first wait for the worker to start (about 12 ms
 * more from ring to name in `npm run bench`). Every event the worker handles resets that timer,
 * so a small request every 20 s keeps it ready; closing the window lets it sleep again.
 */
export const KEEP_AWAKE_MS = 20_000;

/** Pings every `everyMs`; returns the stop function. A failed ping is retried at the next tick. */
export function keepWorkerAwake(ping: () => Promise<unknown>, everyMs = KEEP_AWAKE_MS): () => void {
  const timer = setInterval(() => {
    ping().catch(() => undefined);
  }, everyMs);
  return () => clearInterval(timer);
}
