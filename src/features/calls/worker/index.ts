/** The calls feature's worker side: one pop per call, its window, and what Saves record in it. */
import { defaultDeps } from '@/connectors/default-deps';
import { lookupContact, SWEEP_ALARM } from '@/features/lookup/worker';
import type { LookupRequest, LookupResult } from '@/platform/messages';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { handleCallEvent, handleRefresh, lookUpAgain } from './call-event';
import { RETRY_ALARM } from './call-record';
import { forgetClosedWindow, handleShowCall, rememberPlace } from './call-window';
import { forgetEndedCalls, forgetOldCalls } from './forget-old-calls';

export { keptInCall } from './save-outcome';
export { forgetEndedCalls };
export { showLatestCall } from './latest-call';

const lookup = (request: LookupRequest, onFirst?: (first: LookupResult) => void) =>
  lookupContact(request, defaultDeps, onFirst);

export const callsHandlers = {
  'call.event': (payload) => handleCallEvent(payload, { lookup }),
  'call.refresh': (payload) => handleRefresh(payload, lookup),
  'call.show': handleShowCall,
} satisfies Partial<HandlerTable>;

export function registerCalls(): void {
  chrome.windows.onRemoved.addListener((windowId) =>
    inBackground('forgetting a closed window', forgetClosedWindow(windowId)),
  );
  chrome.windows.onBoundsChanged.addListener((window) =>
    inBackground('remembering where the call window is', rememberPlace(window)),
  );
  chrome.alarms.onAlarm.addListener(({ name }) => {
    if (name === SWEEP_ALARM) inBackground('forgetting old calls', forgetOldCalls());
    if (name.startsWith(RETRY_ALARM)) {
      inBackground('a call lookup again', lookUpAgain(name.slice(RETRY_ALARM.length), { lookup }));
    }
  });
}
