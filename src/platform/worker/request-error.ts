import type { ErrorCode } from '../messages';

/** A handler failure whose message is written for the person using the extension. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * A CRM write that may still have landed (a timeout, a dropped connection, a server error):
     * a retry soon after waits for it first (saves/worker/late-write.ts).
     */
    readonly outcomeUnclear = false,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
