// Chrome stops an idle worker after 30 s, and a ring would then wait for it to start; any handled
// event resets that timer, so a ping every 20 s keeps it ready while the window is open.
export const KEEP_AWAKE_MS = 20_000;

/** Pings every `everyMs`; returns the stop function. A failed ping is retried at the next tick. */
export function keepWorkerAwake(ping: () => Promise<unknown>, everyMs = KEEP_AWAKE_MS): () => void {
  const timer = setInterval(() => void ping().catch(() => undefined), everyMs);
  return () => clearInterval(timer);
}
