/**
 * `call.show`: the person asks for a call's window again (the softphone window's "Show call
 * window"). Events never reopen a window the person closed; this explicit ask does, without
 * counting as a pop.
 */
import { ERROR_CODES } from '@/shared/messages';
import { callSessions } from '@/shared/storage/keys';
import { RequestError } from '../request-error';
import { writeCall } from './call-record';
import { focusWindow, openCallWindow, windowExists } from './call-window';
import { withSessionLock } from './in-flight';

export async function handleShowCall(payload: unknown): Promise<{ shown: 'focused' | 'opened' }> {
  const sessionId = (payload as { sessionId?: unknown } | null)?.sessionId;
  if (typeof sessionId !== 'string' || sessionId === '' || sessionId.length > 256) {
    throw new RequestError(ERROR_CODES.badRequest, 'Which call? It has no valid session id.');
  }
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
