/**
 * `call.refresh`: the call window's Refresh. The worker asks the CRM again and keeps the answer
 * in the call itself, so every view of the call shows it and no page writes the record.
 */
import type { LookupRequest, LookupResult } from '@/platform/messages';
import { ERROR_CODES } from '@/platform/messages';
import { RequestError } from '@/platform/worker/request-error';
import { readCall, transition } from './call-record';
import { parseSessionId } from './validate';

export async function handleRefresh(
  payload: unknown,
  lookup: (request: LookupRequest) => Promise<LookupResult>,
): Promise<LookupResult> {
  const sessionId = parseSessionId(payload);
  const session = await readCall(sessionId);
  if (!session) {
    throw new RequestError(
      ERROR_CODES.badRequest,
      'CallPop no longer keeps this call. Look the number up from the toolbar instead.',
    );
  }
  const result = await lookup({ phoneNumber: session.phoneNumber, force: true });
  await transition(sessionId, () => ({ type: 'lookedUp', outcome: { result } }));
  return result;
}
