/**
 * `call.refresh`: the call window's Refresh. The worker asks the CRM again and keeps the answer
 * in the call itself, so every view of the call shows it and no page writes the record.
 */
import type { LookupRequest, LookupResult } from '@/platform/messages';
import { requireCall, transition } from './call-record';
import { parseSessionId } from './validate';

export async function handleRefresh(
  payload: unknown,
  lookup: (request: LookupRequest) => Promise<LookupResult>,
): Promise<LookupResult> {
  const sessionId = parseSessionId(payload);
  const session = await requireCall(sessionId);
  const result = await lookup({ phoneNumber: session.phoneNumber, force: true });
  await transition(sessionId, () => ({ type: 'lookedUp', outcome: { result } }));
  return result;
}
