import type { ErrorCode } from '@/shared/messages';

/** A handler failure whose message is written for the person using the extension. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
