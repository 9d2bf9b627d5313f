/**
 * Runs a Save (contact.create, callLog.create) once per requestId. The state is written to
 * chrome.storage.session BEFORE the CRM is called, so a second Save with the same id waits for
 * the first (same worker) or gets its stored result (after a worker restart).
 */
import { ERROR_CODES } from '@/platform/messages';
import { saveRequests, type LogAttempt, type SaveRequestState } from '@/platform/storage/keys';
import { RequestError } from '@/platform/worker/request-error';

// In memory by design: promises of Saves in flight, so a double submit shares the first one.
const running = new Map<string, Promise<unknown>>();

const REQUEST_ID = /^[\w.:-]{8,128}$/;

export interface SaveStep {
  /** The stored state from an earlier attempt with the same id, if any. */
  previous: SaveRequestState | undefined;
  /** Records a created contact before the next CRM call, so a retry never creates it again. */
  recordContact: (contact: NonNullable<SaveRequestState['createdContact']>) => Promise<void>;
  /** Records what a call-log attempt is about to send, before it is sent. */
  recordAttempt: (attempt: LogAttempt) => Promise<void>;
  /** Records the name and type a new contact's create is about to send, before it is sent. */
  recordCreateAttempt: (attempt: CreateAttempt) => Promise<void>;
}

/** What one attempt of a Save sent to create its new contact. */
export type CreateAttempt = NonNullable<SaveRequestState['createAttempts']>[number];

export function checkRequestId(requestId: unknown): string {
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
    throw new RequestError(
      ERROR_CODES.badRequest,
      'This Save has no valid request id. Reload the page and try again.',
    );
  }
  return requestId;
}

export function runOnce<T>(
  kind: SaveRequestState['kind'],
  requestId: string,
  now: () => number,
  work: (step: SaveStep) => Promise<T>,
): Promise<T> {
  const id = `${kind}:${requestId}`;
  const existing = running.get(id);
  if (existing) return existing as Promise<T>;
  const promise = (async () => {
    const previous = await saveRequests.get(id);
    if (previous?.status === 'done') return previous.result as T;
    let state: SaveRequestState = {
      kind,
      startedAt: now(),
      status: 'running',
      ...(previous?.createdContact ? { createdContact: previous.createdContact } : {}),
      ...(previous?.logAttempts ? { logAttempts: previous.logAttempts } : {}),
      ...(previous?.createAttempts ? { createAttempts: previous.createAttempts } : {}),
      // Kept across attempts: a later attempt failing clearly does not make an earlier write
      // that may still land any less likely (engine/late-write.ts).
      ...(previous?.unclearAt !== undefined ? { unclearAt: previous.unclearAt } : {}),
    };
    await saveRequests.set(id, state);
    try {
      const result = await work({
        previous,
        recordContact: async (contact) => {
          state = { ...state, createdContact: contact };
          await saveRequests.set(id, state);
        },
        recordAttempt: async (attempt) => {
          state = { ...state, logAttempts: [...(state.logAttempts ?? []), attempt] };
          await saveRequests.set(id, state);
        },
        recordCreateAttempt: async (attempt) => {
          state = { ...state, createAttempts: [...(state.createAttempts ?? []), attempt] };
          await saveRequests.set(id, state);
        },
      });
      await saveRequests.set(id, { ...state, status: 'done', result });
      return result;
    } catch (error) {
      const failure =
        error instanceof RequestError
          ? error
          : new RequestError(ERROR_CODES.internal, 'Something went wrong inside CallPop.');
      // A failed Save may be retried with the same id: the state keeps any created contact.
      await saveRequests.set(id, {
        ...state,
        status: 'failed',
        error: { code: failure.code, message: failure.message },
        ...(failure.outcomeUnclear ? { unclearAt: now() } : {}),
      });
      throw error;
    }
  })().finally(() => running.delete(id));
  running.set(id, promise);
  return promise;
}

/**
 * The call logs other call-log Saves got back: theirs, so this Save never replaces or deletes
 * one, even when it says exactly what an attempt of this Save sent (default subject, no note).
 */
export async function logIdsOfOtherSaves(requestId: string): Promise<Set<string>> {
  const own = `callLog:${requestId}`;
  const ids = (await saveRequests.ids()).filter((id) => id !== own && id.startsWith('callLog:'));
  const logIds = new Set<string>();
  for (const record of (await saveRequests.getMany(ids)).values()) {
    const logId = (record.result as { logId?: unknown } | undefined)?.logId;
    if (record.status === 'done' && typeof logId === 'string') logIds.add(logId);
  }
  return logIds;
}

/** Save records are kept this long after their Save started, then dropped by the sweep alarm. */
export const SAVE_RECORD_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Removes Save records older than SAVE_RECORD_MAX_AGE_MS; returns how many. */
export async function forgetOldSaves(now = Date.now()): Promise<number> {
  const records = await saveRequests.getMany(await saveRequests.ids());
  const old = [...records]
    .filter(([id, record]) => !running.has(id) && now - record.startedAt > SAVE_RECORD_MAX_AGE_MS)
    .map(([id]) => id);
  await saveRequests.remove(old);
  return old.length;
}
