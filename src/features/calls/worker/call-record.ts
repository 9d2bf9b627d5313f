/**
 * The one writer of a call's record in chrome.storage.session: every change is a step of the
 * call's model (model/call-machine.ts), applied under the call's lock.
 */
import { step, type CallInput, type Step } from '../model/call-machine';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { ERROR_CODES } from '@/platform/messages';
import { inBackground } from '@/platform/worker/report';
import { RequestError } from '@/platform/worker/request-error';
import { forgetOlderHalf } from './forget-old-calls';
import { beginPop, poppingRecord, withSessionLock } from './in-flight';

/** The call's record; a call being popped here is read from memory (see in-flight.ts). */
export async function readCall(sessionId: string): Promise<CallSession | undefined> {
  return poppingRecord(sessionId) ?? (await callSessions.get(sessionId));
}

/** The call a page asks about, which the sweep may have forgotten since. */
export async function requireCall(sessionId: string): Promise<CallSession> {
  const session = await readCall(sessionId);
  if (session) return session;
  throw new RequestError(
    ERROR_CODES.badRequest,
    'CallPop no longer keeps this call. Look the number up from the toolbar instead.',
  );
}

type Input = (record: CallSession | undefined) => CallInput | Promise<CallInput>;

const isQuota = (error: unknown) => error instanceof Error && /quota/i.test(error.message);

/**
 * Stores the record. Session storage (10 MB) is shared by every call of the last hours: a write
 * refused for room forgets the oldest other calls and tries again, so the call being popped
 * still gets its record, and its window the lookup. Never throws: a pop goes on whatever
 * storage says (the record stays in memory while it runs), and the failure is reported.
 */
async function writeCall(session: CallSession): Promise<void> {
  if (poppingRecord(session.sessionId)) beginPop(session);
  const writing = callSessions.set(session.sessionId, session).catch(async (error: unknown) => {
    while (isQuota(error) && (await forgetOlderHalf(session.sessionId)) > 0) {
      try {
        return await callSessions.set(session.sessionId, session);
      } catch {
        // Still no room: forget more.
      }
    }
    throw error;
  });
  inBackground('storing a call', writing);
  await writing.catch(() => undefined);
}

/**
 * Applies `input` to the call's record and stores what changed; the caller holds the call's
 * lock. `underLock` runs before the write, for what must happen before another event reads it.
 */
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
  return next;
}

/** applyLocked under the call's lock. */
export function transition(
  sessionId: string,
  input: Input,
  now = Date.now(),
  underLock?: (step: Step) => void,
): Promise<Step> {
  return withSessionLock(sessionId, () => applyLocked(sessionId, input, now, underLock));
}
