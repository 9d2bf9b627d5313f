/**
 * A Save made from a call's window, kept in the call's record by the worker: the window may be
 * closed before the CRM answers, and when it is opened again (Show call window) it must show
 * the created contact and the saved log, not offer to save them a second time.
 */
import { withContact } from '@/features/lookup/model/lookup-result';
import {
  ERROR_CODES,
  type CallLogReply,
  type ContactView,
  type CreateContactReply,
} from '@/platform/messages';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { inBackground } from '@/platform/worker/report';
import { RequestError } from '@/platform/worker/request-error';
import { writeCall } from './call-record';
import { withSessionLock } from './in-flight';

/** The call a Save names, checked before the Save is sent; undefined when it names none. */
export function callOfSave(payload: unknown): string | undefined {
  const id = (payload as { callSessionId?: unknown } | null)?.callSessionId;
  if (id === undefined) return undefined;
  if (typeof id !== 'string' || id === '' || id.length > 256) {
    throw new RequestError(ERROR_CODES.badRequest, 'The call to save for has no valid session id.');
  }
  return id;
}

function withSaved(session: CallSession, contact: ContactView): CallSession {
  // A lookup still pending or failed has no list to add to: its own answer comes later.
  if (session.lookup.state !== 'done') return session;
  return {
    ...session,
    lookup: { state: 'done', result: withContact(session.lookup.result, contact) },
  };
}

function update(sessionId: string, change: (session: CallSession) => CallSession): Promise<void> {
  return withSessionLock(sessionId, async () => {
    const latest = await callSessions.get(sessionId);
    if (latest) await writeCall(change(latest));
  });
}

/**
 * Records the outcome in the call. The Save itself is done: a failure to record is reported in
 * the background, never turned into a failed Save that a retry would repeat.
 */
async function record(
  sessionId: string,
  change: (session: CallSession) => CallSession,
): Promise<void> {
  const work = update(sessionId, change);
  inBackground('keeping a Save in its call', work);
  await work.catch(() => undefined);
}

export function recordCreated(sessionId: string, reply: CreateContactReply): Promise<void> {
  return record(sessionId, (session) => withSaved(session, reply.contact));
}

export function recordLogged(sessionId: string, reply: CallLogReply, now: number): Promise<void> {
  return record(sessionId, (session) => ({
    ...withSaved(session, reply.contact),
    lastLog: { logId: reply.logId, contactName: reply.contact.name, at: now },
  }));
}
