/**
 * Service-worker entry: imports and synchronous listener registration only. Chrome may stop the
 * worker at any await, so no state lives in module variables; everything is in chrome.storage.
 */
import { forgetClosedWindow } from '@/features/calls/worker/call-window';
import { onFetch, routeAroundWorker } from '@/features/calls/worker/call-page';
import { forgetOldCalls } from '@/features/calls/worker/forget-old-calls';
import { forgetOldSaves } from '@/features/saves/worker/idempotent';
import { forgetMatchesOnNewFormats } from '@/features/lookup/worker/formats-changed';
import { onAlarm, SWEEP_ALARM } from '@/features/lookup/worker/maintenance';
import { installHttpTracing } from '@/features/lookup/worker/tracer';
import { handlers } from './handlers';
import { http } from '@/platform/worker/http/client';
import { registerInstallHandler } from './install';
import { createMessageListener } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';

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
