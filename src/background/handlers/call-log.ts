import type { Handler } from '../messages';
import { callOfSave, recordLogged } from '../callpop/save-outcome';
import { createCallLog } from '../engine/call-log';
import { defaultDeps } from '../engine/default-deps';

export const callLogHandler: Handler<'callLog.create'> = async (payload) => {
  const callSessionId = callOfSave(payload);
  const reply = await createCallLog(payload, defaultDeps);
  if (callSessionId) await recordLogged(callSessionId, reply, defaultDeps.now());
  return reply;
};
