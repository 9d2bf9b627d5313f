/**
 * The call-pop window's first paint, built as a classic script (scripts/classic-script-plugin.ts)
 * and run at the end of <body>. Usually the worker served the page with the call already inside
 * #root (background/callpop/call-page.ts); otherwise this paints it from chrome.storage.session
 * with plain DOM, before React and the shared UI have loaded. Either way it keeps the call as
 * last seen for React (main.ts), which replaces this view in its first commit; until then, later
 * writes (the lookup landing) repaint it.
 */
import { movedOnFrom } from '@/shared/call-view';
import { callSessions, type CallSession } from '@/shared/storage/keys';
import type { FirstPaintHandoff } from './first-paint-handoff';
import { paintCall } from './first-paint-view';

function start(): FirstPaintHandoff {
  const sessionId = new URLSearchParams(location.search).get('session');
  const key = sessionId ? callSessions.keyFor(sessionId) : null;
  // The state of the call the worker served the page with, if it did.
  const served = document.getElementById('root')?.dataset.served;
  let latest: CallSession | undefined;
  let changed = false;
  let live = true;

  const paint = () => {
    const root = document.getElementById('root');
    if (live && root) paintCall(root, latest);
  };

  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== 'session' || !key || !(key in changes)) return;
    changed = true;
    latest = changes[key]?.newValue as CallSession | undefined;
    paint();
  };
  chrome.storage.onChanged.addListener(onChanged);

  const read = sessionId ? callSessions.get(sessionId) : Promise.resolve(undefined);
  const painted = read.then(
    (session) => {
      // A change that landed during the read is newer than what the read returned.
      if (!changed) latest = session;
      // A served page shows the call as the worker had it; repaint only what is newer.
      if (changed || served === undefined || movedOnFrom(served, latest)) paint();
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

window.callPopFirstPaint = start();
