/** Text only: an HTTP error object carries its request config, credentials included. */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : typeof error;
}

/** Starts async work whose failure is logged, never left as an unhandled rejection. */
export function inBackground(label: string, work: Promise<unknown>): void {
  work.catch((error: unknown) => console.error(`CallPop: ${label} failed: ${errorText(error)}`));
}
