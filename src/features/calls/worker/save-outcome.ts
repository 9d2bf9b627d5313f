/** Kept in the call, so a window reopened shows what was saved instead of offering it again. */
import type { ContactView } from '@/platform/messages';
import { inBackground } from '@/platform/worker/report';
import { transition } from './call-record';
import { parseSessionId } from './validate';

/** The call a Save names, checked before the Save is sent; undefined when it names none. */
export function callOfSave(payload: unknown): string | undefined {
  const id = (payload as { callSessionId?: unknown } | null)?.callSessionId;
  return id === undefined ? undefined : parseSessionId({ sessionId: id });
}

/** The Save is done: a failure to record is reported, never a failed Save a retry would repeat. */
export async function recordSaved(
  sessionId: string,
  { contact, logId }: { contact: ContactView; logId?: string },
  now: number,
): Promise<void> {
  const log = logId ? { log: { logId, contactName: contact.name, at: now } } : {};
  const work = transition(sessionId, () => ({ type: 'saved', contact, ...log }));
  inBackground('keeping a Save in its call', work);
  await work.catch(() => undefined);
}

/** Runs what a page asked for a call (a Save, an added number, a pick), then keeps it there. */
export async function keptInCall<R extends Parameters<typeof recordSaved>[1]>(
  payload: unknown,
  run: () => Promise<R>,
): Promise<R> {
  const callSessionId = callOfSave(payload);
  const reply = await run();
  if (callSessionId) await recordSaved(callSessionId, reply, Date.now());
  return reply;
}
