import type { Handler } from '../messages';
import { createCallLog } from '../engine/call-log';
import { defaultDeps } from '../engine/default-deps';

export const callLogHandler: Handler<'callLog.create'> = (payload) =>
  createCallLog(payload, defaultDeps);
