/** The calls feature's worker side: one pop per call, its window, and what Saves record in it. */
import { defaultDeps } from '@/connectors/default-deps';
import { lookupContact, SWEEP_ALARM } from '@/features/lookup/worker';
import type { LookupRequest, LookupResult } from '@/platform/messages';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { handleCallEvent, handleRefresh } from './call-event';
import { forgetClosedWindow, handleShowCall } from './call-window';
import { forgetEndedCalls, forgetOldCalls } from './forget-old-calls';

export { callOfSave, recordCreated, recordLogged } from './save-outcome';
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
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) inBackground('forgetting old calls', forgetOldCalls());
  });
}
