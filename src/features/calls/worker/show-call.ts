/**
 * `call.show`: the person asks for a call's window again (the softphone window's "Show call
 * window"). Events never reopen a window the person closed; this explicit ask does, without
 * counting as a pop.
 */
import { ERROR_CODES } from '@/platform/messages';
import { callSessions } from '@/platform/storage/keys';
import { RequestError } from '@/platform/worker/request-error';
import { writeCall } from './call-record';
import { focusWindow, openCallWindow, windowExists } from './call-window';
import { isOpeningWindow, withSessionLock } from './in-flight';
import { sleep } from '@/platform/sleep';

/** The longest a Show waits for a pop that is opening the call's window. */
export const SHOW_WAITS_FOR_POP_MS = 3_000;

/**
 * While this worker's pop is creating the call's window, its id not stored yet, the Show waits
 * for that window rather than opening a second one. Outside the call's lock, which the pop
 * needs to store the window.
 */
async function popsWindowFirst(sessionId: string): Promise<void> {
  const until = Date.now() + SHOW_WAITS_FOR_POP_MS;
  while (isOpeningWindow(sessionId)) {
    if (Date.now() > until) return;
    await sleep(50);
  }
}

export async function handleShowCall(payload: unknown): Promise<{ shown: 'focused' | 'opened' }> {
  const sessionId = (payload as { sessionId?: unknown } | null)?.sessionId;
  if (typeof sessionId !== 'string' || sessionId === '' || sessionId.length > 256) {
    throw new RequestError(ERROR_CODES.badRequest, 'Which call? It has no valid session id.');
  }
  await popsWindowFirst(sessionId);
  return withSessionLock(sessionId, async () => {
    const session = await callSessions.get(sessionId);
    if (!session) {
      throw new RequestError(
        ERROR_CODES.badRequest,
        'CallPop no longer keeps this call. Look the number up from the toolbar instead.',
      );
    }
    if (session.windowId !== null && (await windowExists(session.windowId))) {
      await focusWindow(session.windowId);
      return { shown: 'focused' };
    }
    const windowId = await openCallWindow(sessionId);
    const latest = (await callSessions.get(sessionId)) ?? session;
    await writeCall({ ...latest, windowId });
    return { shown: 'opened' };
  });
}
