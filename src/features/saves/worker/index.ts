/** The saves feature's worker side: creating placeholder contacts and logging calls, once each. */
import { defaultDeps } from '@/connectors/default-deps';
import { callOfSave, recordCreated, recordLogged } from '@/features/calls/worker';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { forgetOldSaves } from './idempotent';

export { forgetSaves, isFinished } from './idempotent';
import { logFieldOptions } from './log-fields';
import { SWEEP_ALARM } from '@/features/lookup/worker';

/** Best effort: the CRM has saved it; a full session area must not make the person save again. */
async function noteInCall(callSessionId: string | undefined, note: () => Promise<unknown>) {
  if (!callSessionId) return;
  await note().catch((error: unknown) => {
    console.warn(`CallPop: a Save was not noted in its call's record: ${String(error)}`);
  });
}

export const savesHandlers = {
  'contact.create': async (payload) => {
    const callSessionId = callOfSave(payload);
    const reply = await createContact(payload, defaultDeps);
    await noteInCall(callSessionId, () => recordCreated(callSessionId!, reply));
    return reply;
  },
  'callLog.create': async (payload) => {
    const callSessionId = callOfSave(payload);
    const reply = await createCallLog(payload, defaultDeps);
    await noteInCall(callSessionId, () => recordLogged(callSessionId!, reply, defaultDeps.now()));
    return reply;
  },
  'contact.logFields': (payload) => logFieldOptions(payload, defaultDeps),
} satisfies Partial<HandlerTable>;

export function registerSaves(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) inBackground('forgetting old saves', forgetOldSaves());
  });
}
