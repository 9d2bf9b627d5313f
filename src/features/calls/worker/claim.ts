/**
 * Whether an event pops its call: a call pops once. A stored claim is in progress only while
 * this worker holds it (in-flight.ts); any other was left by a worker that stopped mid-pop.
 */
import type { CallEvent, CallEventReply } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';
import { focusWindow, windowExists } from './call-window';
import { isPoppingHere } from './in-flight';

/** `reuse`: the window a worker that stopped mid-pop had already opened for the call. */
export type Claim =
  { claimed: true; reuse?: number } | { claimed: false; reply: CallEventReply | null };

/** The call's window, when it is still open (the worker may have slept through its onRemoved). */
async function openWindowOf(session: CallSession): Promise<number | null> {
  return session.windowId !== null && (await windowExists(session.windowId))
    ? session.windowId
    : null;
}

async function focused(windowId: number): Promise<CallEventReply> {
  return (await focusWindow(windowId))
    ? { action: 'focused', reason: 'Brought the call window to the front.' }
    : { action: 'updated', reason: 'The call window could not be focused.' };
}

/**
 * Whether this event pops the call. A call pops once: later events bring its window forward,
 * and a window the person closed stays closed. A claim this worker is not working on was left
 * by a worker that stopped mid-pop, so the pop is finished now, whatever this event is.
 */
export async function decidePop(
  session: CallSession,
  event: CallEvent,
  popNow: boolean,
): Promise<Claim> {
  const { pop } = session;
  if (pop.state === 'claimed') {
    const open = await openWindowOf(session);
    if (isPoppingHere(session.sessionId)) {
      if (open !== null) return { claimed: false, reply: await focused(open) };
      return {
        claimed: false,
        reply: { action: 'updated', reason: 'This call is already popping.' },
      };
    }
    return open !== null ? { claimed: true, reuse: open } : { claimed: true };
  }
  if (pop.state === 'done') {
    const open = await openWindowOf(session);
    if (open !== null && event.status === 'NoCall') {
      return {
        claimed: false,
        reply: {
          action: 'updated',
          reason: 'The call ended; its window stays open for logging.',
        },
      };
    }
    if (open !== null) return { claimed: false, reply: await focused(open) };
    return {
      claimed: false,
      reply: { action: 'updated', reason: `Already popped. ${pop.reason}` },
    };
  }
  if (!popNow) return { claimed: false, reply: null };
  // A window the person opened before the pop (Show call window) is the call's window.
  const shown = await openWindowOf(session);
  return shown !== null ? { claimed: true, reuse: shown } : { claimed: true };
}
