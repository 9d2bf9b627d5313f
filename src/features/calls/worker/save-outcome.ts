/** Kept in the call, so a window reopened shows what was saved instead of offering it again. */
import type { CallInput } from '../model/call-machine';
import type { CallLogReply, CreateContactReply } from '@/platform/messages';
import { inBackground } from '@/platform/worker/report';
import { transition } from './call-record';
import { parseSessionId } from './validate';

type SavedInput = Extract<CallInput, { type: 'saved' }>;

/** The call a Save names, checked before the Save is sent; undefined when it names none. */
export function callOfSave(payload: unknown): string | undefined {
  const id = (payload as { callSessionId?: unknown } | null)?.callSessionId;
  return id === undefined ? undefined : parseSessionId({ sessionId: id });
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
