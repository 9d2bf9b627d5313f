/** Kept in the call, so a window reopened shows what was saved instead of offering it again. */
import type { CallInput } from '../model/call-machine';
import { ERROR_CODES, type CallLogReply, type CreateContactReply } from '@/platform/messages';
import { inBackground } from '@/platform/worker/report';
import { RequestError } from '@/platform/worker/request-error';
import { transition } from './call-record';

type SavedInput = Extract<CallInput, { type: 'saved' }>;

/** The call a Save names, checked before the Save is sent; undefined when it names none. */
export function callOfSave(payload: unknown): string | undefined {
  const id = (payload as { callSessionId?: unknown } | null)?.callSessionId;
  if (id === undefined) return undefined;
  if (typeof id !== 'string' || id === '' || id.length > 256) {
    throw new RequestError(ERROR_CODES.badRequest, 'The call to save for has no valid session id.');
  }
  return id;
}

/** The Save is done: a failure to record is reported, never a failed Save a retry would repeat. */
async function record(sessionId: string, saved: Omit<SavedInput, 'type'>): Promise<void> {
  const work = transition(sessionId, () => ({ type: 'saved', ...saved }));
  inBackground('keeping a Save in its call', work);
  await work.catch(() => undefined);
}

export function recordCreated(sessionId: string, reply: CreateContactReply): Promise<void> {
  return record(sessionId, { contact: reply.contact });
}

export function recordLogged(sessionId: string, reply: CallLogReply, now: number): Promise<void> {
  const log = { logId: reply.logId, contactName: reply.contact.name, at: now };
  return record(sessionId, { contact: reply.contact, log });
}
