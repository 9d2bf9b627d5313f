/**
 * The first paint's view of the call, apart from the DOM (first-paint.ts wires it to the page):
 * reads the call, repaints on its changes, and hands React the call as last seen.
 */
import { lagsBehind, movedOnFrom } from '@/features/calls/model/call-view';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import type { FirstPaintHandoff } from './first-paint-handoff';

/**
 * How long the handoff waits for a record that lags behind the served page. The worker queues
 * that write as it serves the page, so it lands within milliseconds; the bound is for a write
 * that never comes.
 */
export const CATCH_UP_MS = 500;

export interface WatchOptions {
  sessionId: string | null;
  /** The state of the call the worker served the page with (data-served), if it did. */
  served: string | undefined;
  paint: (session: CallSession | undefined) => void;
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function watchCall({
  sessionId,
  served,
  paint,
  wait = sleep,
}: WatchOptions): FirstPaintHandoff {
  const key = sessionId ? callSessions.keyFor(sessionId) : null;
  let latest: CallSession | undefined;
  let changed = false;
  let live = true;
  let caughtUp: (() => void) | null = null;
  // A record older than the served view is never painted over it, nor handed to React.
  const behind = () => served !== undefined && lagsBehind(served, latest);

  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== 'session' || !key || !(key in changes)) return;
    changed = true;
    latest = changes[key]?.newValue as CallSession | undefined;
    if (behind() || !live) return;
    paint(latest);
    caughtUp?.();
  };
  chrome.storage.onChanged.addListener(onChanged);

  const read = sessionId ? callSessions.get(sessionId) : Promise.resolve(undefined);
  const painted = read.then(
    async (session) => {
      // A change that landed during the read is newer than what the read returned.
      if (!changed) latest = session;
      // A served page shows the call as the worker had it; repaint only what is newer.
      if (changed ? !behind() : served === undefined || movedOnFrom(served, latest)) {
        paint(latest);
      }
      // The worker served an answer it has not stored yet: React, started from this older
      // record, would show the lookup running again until the write lands.
      if (behind()) {
        await Promise.race([
          new Promise<void>((resolve) => (caughtUp = resolve)),
          wait(CATCH_UP_MS),
        ]);
      }
      return latest;
    },
    () => latest, // React reads again and says what went wrong.
  );

  return {
    painted,
    takeOver: () => {
      live = false;
      chrome.storage.onChanged.removeListener(onChanged);
      return latest;
    },
  };
}
