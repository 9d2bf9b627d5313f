/** The saves feature's worker side: creating placeholder contacts and logging calls, once each. */
import { defaultDeps } from '@/connectors/default-deps';
import { keptInCall } from '@/features/calls/worker';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { forgetOldSaves } from './idempotent';
import { logFieldOptions } from './log-fields';
import { SWEEP_ALARM } from '@/features/lookup/worker';

export { forgetSaves, isFinished } from './idempotent';

export const savesHandlers = {
  'contact.create': (payload) => keptInCall(payload, () => createContact(payload, defaultDeps)),
  'callLog.create': (payload) => keptInCall(payload, () => createCallLog(payload, defaultDeps)),
  'contact.logFields': (payload) => logFieldOptions(payload, defaultDeps),
} satisfies Partial<HandlerTable>;

export function registerSaves(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) inBackground('forgetting old saves', forgetOldSaves());
  });
}
