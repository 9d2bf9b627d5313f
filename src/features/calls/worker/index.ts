/** The calls feature's worker side: one pop per call, its window, and what Saves record in it. */
import { defaultDeps } from '@/connectors/default-deps';
import { lookupContact, SWEEP_ALARM } from '@/features/lookup/worker';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { handleCallEvent } from './call-event';
import { handleSaveLookup } from './call-record';
import { forgetClosedWindow } from './call-window';
import { forgetOldCalls } from './forget-old-calls';
import { handleShowCall } from './show-call';

export { callOfSave, recordCreated, recordLogged } from './save-outcome';

export const callsHandlers = {
  'call.event': (payload) =>
    handleCallEvent(payload, { lookup: (request) => lookupContact(request, defaultDeps) }),
  'call.saveLookup': handleSaveLookup,
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
