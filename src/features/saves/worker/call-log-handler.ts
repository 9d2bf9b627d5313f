import type { Handler } from '@/platform/worker/listener';
import { callOfSave, recordLogged } from '@/features/calls/worker/save-outcome';
import { createCallLog } from './call-log';
import { defaultDeps } from '@/connectors/default-deps';

export const callLogHandler: Handler<'callLog.create'> = async (payload) => {
  const callSessionId = callOfSave(payload);
  const reply = await createCallLog(payload, defaultDeps);
  if (callSessionId) await recordLogged(callSessionId, reply, defaultDeps.now());
  return reply;
};
