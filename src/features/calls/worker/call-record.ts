/** The one writer of a call's record: every change is a model step, under the call's lock. */
import { step, type CallInput, type Step } from '../model/call-machine';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { inBackground } from '@/platform/worker/report';
import { badRequest } from '@/platform/worker/request-error';
import { forgetOlderHalf } from './forget-old-calls';
import { popping, withSessionLock } from './in-flight';

/** The call's record; a call being popped here is read from memory (see in-flight.ts). */
export async function readCall(sessionId: string): Promise<CallSession | undefined> {
  return popping.get(sessionId) ?? (await callSessions.get(sessionId));
}

/** The call a page asks about, which the sweep may have forgotten since. */
export async function requireCall(sessionId: string): Promise<CallSession> {
  const session = await readCall(sessionId);
  if (session) return session;
  badRequest('CallPop no longer keeps this call. Look the number up from the toolbar instead.');
}

/** The alarm of a call's next lookup, by its session id after this prefix. */
export const RETRY_ALARM = 'callpop.lookupAgain:';

type Input = (record: CallSession | undefined) => CallInput | Promise<CallInput>;

/** Each call's latest write while it is in flight: a retry of an older one must not land after it. */
const latestWrite = new Map<string, CallSession>();

/** Never throws; a write refused for room forgets the older half of other calls, then retries. */
async function writeCall(session: CallSession): Promise<void> {
  const id = session.sessionId;
  if (popping.has(id)) popping.set(id, session);
  latestWrite.set(id, session);
  const writing = callSessions
    .set(id, session)
    .catch(async (error: unknown) => {
      if (!/quota/i.test(String(error)) || (await forgetOlderHalf(id)) === 0) throw error;
      if (latestWrite.get(id) === session) await callSessions.set(id, session);
    })
    .finally(() => latestWrite.get(id) === session && latestWrite.delete(id));
  inBackground('storing a call', writing);
  // A call being popped is read from memory, so its window need not wait for the write.
  if (!popping.has(id)) await writing.catch(() => undefined);
}

/** The caller holds the lock; `underLock` runs before the write, ahead of other events' reads. */
export async function applyLocked(
  sessionId: string,
  input: Input,
  now = Date.now(),
  underLock?: (step: Step) => void,
): Promise<Step> {
  const record = await readCall(sessionId);
  const next = step(record, await input(record), now);
  underLock?.(next);
  if (next.record && next.record !== record) await writeCall(next.record);
  for (const effect of next.effects) {
    if (effect.type === 'retry') {
      const retrying = chrome.alarms.create(`${RETRY_ALARM}${sessionId}`, { when: effect.at });
      inBackground('scheduling a call lookup again', retrying);
    }
  }
  return next;
}

/** applyLocked under the call's lock. */
export const transition = (...args: Parameters<typeof applyLocked>): Promise<Step> =>
  withSessionLock(args[0], () => applyLocked(...args));
