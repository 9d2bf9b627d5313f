/**
 * The call-pop window's first paint, built as a classic script (scripts/classic-script-plugin.ts)
 * and loaded in <head>. It reads the call from chrome.storage.session and paints it with plain
 * DOM, so the caller's name is in the window's first frame instead of waiting for React and the
 * shared UI (about 20 ms more to load and start in a new window). main.ts then mounts React,
 * which replaces this view in its first commit.
 */
import { callSessions, type CallSession } from '@/shared/storage/keys';
import type { FirstPaintHandoff } from './first-paint-handoff';
import { paintCall } from './first-paint-view';

function start(): FirstPaintHandoff {
  const sessionId = new URLSearchParams(location.search).get('session');
  const key = sessionId ? callSessions.keyFor(sessionId) : null;
  let latest: CallSession | undefined;
  let changed = false;
  let live = true;

  const paint = () => {
    const root = document.getElementById('root');
    if (!live || !root) return;
    paintCall(root, latest);
  };
  // The script runs in <head>: paint once #root is parsed.
  const whenParsed = (then: () => void) =>
    document.readyState === 'loading'
      ? document.addEventListener('DOMContentLoaded', then, { once: true })
      : then();

  // Until React takes over, later writes (the lookup landing) repaint the view.
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== 'session' || !key || !(key in changes)) return;
    changed = true;
    latest = changes[key]?.newValue as CallSession | undefined;
    whenParsed(paint);
  };
  chrome.storage.onChanged.addListener(onChanged);

  const read = sessionId ? callSessions.get(sessionId) : Promise.resolve(undefined);
  const painted = read.then(
    (session) => {
      // A change that landed during the read is newer than what the read returned.
      if (!changed) latest = session;
      return new Promise<CallSession | undefined>((resolve) =>
        whenParsed(() => {
          paint();
          resolve(latest);
        }),
      );
    },
    () => undefined, // React reads again and says what went wrong.
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

window.callPopFirstPaint = start();
