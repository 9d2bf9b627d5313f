// A lookup cut short by a 429 keeps its answers: the engine's retry calls `resume`, which sends
// only the missing requests (answers live in its closure, as long as the lookup).
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

/** A RateLimitedPartway for a 429, the error itself otherwise (the lookup has failed). */
export function resumableOn429(error: unknown, resume: () => Promise<FindContactResult>): unknown {
  const failure = classifyError(error);
  return failure.kind === 'rateLimited' ? new RateLimitedPartway(failure, resume) : error;
}
