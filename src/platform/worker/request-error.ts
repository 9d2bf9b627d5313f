import { ERROR_CODES, type ErrorCode } from '../messages';

/** A handler failure whose message is written for the person using the extension. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The CRM write may have landed: the form freezes what was sent until retried or discarded. */
    readonly outcomeUnclear = false,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Refuses a request's input, in the person's words. */
export function badRequest(message: string): never {
  throw new RequestError(ERROR_CODES.badRequest, message);
}
