/**
 * The call-pop window's first paint, built as a classic script (scripts/classic-script-plugin.ts)
 * and run at the end of <body>. Usually the worker served the page with the call already inside
 * #root (background/callpop/call-page.ts); otherwise this paints it from chrome.storage.session
 * with plain DOM, before React and the shared UI have loaded. Either way it keeps the call as
 * last seen for React (main.ts), which replaces this view in its first commit; until then, later
 * writes (the lookup landing) repaint it (see first-paint-watch.ts).
 */
import { paintCall } from './first-paint-view';
import { watchCall } from './first-paint-watch';

window.callPopFirstPaint = watchCall({
  sessionId: new URLSearchParams(location.search).get('session'),
  served: document.getElementById('root')?.dataset.served,
  paint: (session) => {
    const root = document.getElementById('root');
    if (root) paintCall(root, session);
  },
});
