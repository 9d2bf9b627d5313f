/**
 * Service-worker entry: imports and synchronous listener registration only. Chrome may stop the
 * worker at any await, so no state lives in module variables; everything is in chrome.storage.
 */
import { forgetClosedWindow } from './callpop/call-window';
import { onFetch, routeAroundWorker } from './callpop/call-page';
import { forgetOldCalls } from './callpop/forget-old-calls';
import { forgetOldSaves } from './engine/idempotent';
import { forgetMatchesOnNewFormats } from './engine/formats-changed';
import { onAlarm, SWEEP_ALARM } from './engine/maintenance';
import { installHttpTracing } from './engine/tracer';
import { handlers } from './handlers';
import { http } from './http/client';
import { registerInstallHandler } from './install';
import { createMessageListener } from './messages';
import { inBackground } from './report';

chrome.runtime.onMessage.addListener(createMessageListener(handlers));
registerInstallHandler();
chrome.windows.onRemoved.addListener((windowId) =>
  inBackground('forgetting a closed window', forgetClosedWindow(windowId)),
);
chrome.alarms.onAlarm.addListener((alarm) => {
  inBackground('the cache sweep', onAlarm(alarm));
  if (alarm.name !== SWEEP_ALARM) return;
  inBackground('forgetting old calls', forgetOldCalls());
  inBackground('forgetting old saves', forgetOldSaves());
});
// The local area only, where settings live: pages write the session area as people type (the
// popup's draft), and each write would start a stopped worker for nothing.
chrome.storage.local.onChanged.addListener((changes) =>
  inBackground(
    'forgetting matches after new phone formats',
    forgetMatchesOnNewFormats(changes, 'local'),
  ),
);
installHttpTracing(http);

// The call-pop page, served with the call in it (callpop/call-page.ts); all else bypasses us.
const worker = globalThis as unknown as ServiceWorkerGlobalScope;
worker.addEventListener('install', routeAroundWorker);
worker.addEventListener('fetch', onFetch);
