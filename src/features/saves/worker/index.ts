/** The saves feature's worker side: creating placeholder contacts and logging calls, once each. */
import { defaultDeps } from '@/connectors/default-deps';
import { callOfSave, recordSaved } from '@/features/calls/worker';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { forgetOldSaves } from './idempotent';
import { logFieldOptions } from './log-fields';
import { SWEEP_ALARM } from '@/features/lookup/worker';

export { forgetSaves, isFinished } from './idempotent';

// The call's session id is checked before the Save is sent; recording the Save in the call never
// fails it: the CRM has saved it, and a full session area must not make it fail.
async function keptInCall<R extends Parameters<typeof recordSaved>[1]>(
  payload: unknown,
  save: () => Promise<R>,
): Promise<R> {
  const callSessionId = callOfSave(payload);
  const reply = await save();
  if (callSessionId) await recordSaved(callSessionId, reply, defaultDeps.now());
  return reply;
}

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
