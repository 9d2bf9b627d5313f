import type { ErrorCode } from '../messages';

/** A handler failure whose message is written for the person using the extension. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /**
     * A CRM write that may have landed (a timeout, a dropped connection, a server error): the
     * form freezes what was sent until it is retried or discarded (docs/saves.md).
     */
    readonly outcomeUnclear = false,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
