/**
 * A lookup that needs several CRM requests and is cut short by a 429 keeps what it already
 * has: the connector throws a RateLimitedPartway whose `resume` sends only the requests still
 * missing, and the engine's retry calls that instead of starting the lookup over. The answers
 * live in `resume`'s closure, so they last exactly as long as the lookup in flight.
 */
import type { FindContactResult } from '@/features/lookup/model/contact';
import { CrmError, classifyError } from '@/platform/worker/http/errors';

export class RateLimitedPartway extends CrmError {
  constructor(
    failure: CrmError,
    readonly resume: () => Promise<FindContactResult>,
  ) {
    // Still a 429 to classifyError, so a caller that cannot resume retries the whole lookup.
    super('rateLimited', failure.message, failure.status, failure.retryAfterMs);
    this.name = 'RateLimitedPartway';
  }
}

/**
 * What a connector throws when a request fails after others succeeded: a RateLimitedPartway for
 * a 429, the error itself otherwise (nothing to resume: the lookup has failed).
 */
export function resumableOn429(error: unknown, resume: () => Promise<FindContactResult>): unknown {
  const failure = classifyError(error);
  return failure.kind === 'rateLimited' ? new RateLimitedPartway(failure, resume) : error;
}
