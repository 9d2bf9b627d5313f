/**
 * Writes to a call's record in chrome.storage.session. Every write goes through writeCall, under
 * the call's lock.
 */
import type { LookupResult } from '@/platform/messages';
import { ERROR_CODES } from '@/platform/messages';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { RequestError } from '@/platform/worker/request-error';
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

const optionalText = (value: unknown) => value === undefined || typeof value === 'string';

/** A contact as the pages render it: a wrong field here would break every view of the call. */
function isContactView(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    (typeof c.id === 'string' || (typeof c.id === 'number' && Number.isFinite(c.id))) &&
    typeof c.name === 'string' &&
    (c.pageUrl === null || typeof c.pageUrl === 'string') &&
    ['phone', 'type', 'title', 'company', 'email'].every((field) => optionalText(c[field])) &&
    ['createdDate', 'mostRecentActivityDate'].every(
      (field) => c[field] === undefined || ['string', 'number'].includes(typeof c[field]),
    )
  );
}

/** The parts of a lookup result the call's views read. */
function isLookupResult(value: unknown): value is LookupResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof LookupResult, unknown>>;
  return (
    typeof r.phoneNumber === 'string' &&
    typeof r.displayNumber === 'string' &&
    Array.isArray(r.contacts) &&
    r.contacts.length <= 1_000 &&
    r.contacts.every(isContactView) &&
    typeof r.canCreate === 'boolean' &&
    Array.isArray(r.contactTypes) &&
    ['cache', 'crm', 'none'].includes(r.source as string) &&
    (r.fetchedAt === null || typeof r.fetchedAt === 'number') &&
    typeof r.stale === 'boolean'
  );
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
  if (!isLookupResult(result)) bad('The lookup to save is not a lookup result.');
  return { saved: await saveLookup(sessionId, { state: 'done', result }) };
}
