/**
 * A worker log line's detail: text only, since an HTTP error object carries its request config,
 * credentials included.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : typeof error;
}

/**
 * Lets a listener start async work without leaving a failure as an unhandled rejection: the
 * failure is logged (as text) and the listener's other work goes on.
 */
export function inBackground(label: string, work: Promise<unknown>): void {
  work.catch((error: unknown) => console.error(`CallPop: ${label} failed: ${errorText(error)}`));
}
