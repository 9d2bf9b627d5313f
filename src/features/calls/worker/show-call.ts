/**
 * `call.show`: the person asks for a call's window again (the softphone window's "Show call
 * window"). Events never reopen a window the person closed; this explicit ask does, without
 * counting as a pop.
 */
import { applyLocked, requireCall } from './call-record';
import { focusWindow, openCallWindow, windowExists } from './call-window';
import { withSessionLock } from './in-flight';
import { parseSessionId } from './validate';

/** Under the call's lock, which a pop holds while it opens the window: never a second one. */
export async function handleShowCall(payload: unknown): Promise<{ shown: 'focused' | 'opened' }> {
  const sessionId = parseSessionId(payload);
  return withSessionLock(sessionId, async () => {
    const session = await requireCall(sessionId);
    if (session.windowId !== null && (await windowExists(session.windowId))) {
      await focusWindow(session.windowId);
      return { shown: 'focused' };
    }
    const windowId = await openCallWindow(sessionId);
    if (windowId !== null) await applyLocked(sessionId, () => ({ type: 'windowOpened', windowId }));
    return { shown: 'opened' };
  });
}
