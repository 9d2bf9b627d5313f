/**
 * Writes to a call's record in chrome.storage.session. Every write goes through writeCall, under
 * the call's lock.
 */
import type { LookupResult } from '@/shared/messages';
import { ERROR_CODES } from '@/shared/messages';
import { callSessions, type CallSession } from '@/shared/storage/keys';
import { RequestError } from '../request-error';
import { noteWritten, withSessionLock } from './in-flight';

/** Stores the call's record, and keeps the copy of a call being popped current. */
export async function writeCall(session: CallSession): Promise<void> {
  noteWritten(session);
  await callSessions.set(session.sessionId, session);
}

/** Replaces the call's lookup, keeping whatever else was written meanwhile; false if forgotten. */
export function saveLookup(sessionId: string, lookup: CallSession['lookup']): Promise<boolean> {
  return withSessionLock(sessionId, async () => {
    const latest = await callSessions.get(sessionId);
    if (!latest) return false;
    await writeCall({ ...latest, lookup });
    return true;
  });
}

function bad(message: string): never {
  throw new RequestError(ERROR_CODES.badRequest, message);
}

/**
 * `call.saveLookup`: the call-pop window keeps a fresher answer (Refresh, a created contact) in
 * the call. Written here, under the lock the worker's own writes take, so neither loses the other.
 */
export async function handleSaveLookup(payload: unknown): Promise<{ saved: boolean }> {
  if (typeof payload !== 'object' || payload === null) bad('Nothing to save.');
  const { sessionId, result } = payload as { sessionId?: unknown; result?: unknown };
  if (typeof sessionId !== 'string' || sessionId === '' || sessionId.length > 256) {
    bad('The call to save into has no valid session id.');
  }
  const answer = result as Partial<LookupResult> | null;
  if (
    typeof answer !== 'object' ||
    answer === null ||
    typeof answer.phoneNumber !== 'string' ||
    !Array.isArray(answer.contacts)
  ) {
    bad('The lookup to save is not a lookup result.');
  }
  return { saved: await saveLookup(sessionId, { state: 'done', result: answer as LookupResult }) };
}
