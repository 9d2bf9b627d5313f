/** Once per requestId: a double submit shares the Save, a finished one replays. With session
 * storage full it still runs, losing only the replay (the retry flag and CRM check cover it). */
import { saveRequests, type SaveRequestState } from '@/platform/storage/keys';
import { badRequest } from '@/platform/worker/request-error';
import { shareWhileRunning } from '@/platform/worker/share-while-running';

// In memory by design: promises of Saves in flight, so a double submit shares the first one.
const running = new Map<string, Promise<unknown>>();

const REQUEST_ID = /^[\w.:-]{8,128}$/;

export interface SaveStep {
  /** The stored state from an earlier attempt with the same id, if any. */
  previous: SaveRequestState | undefined;
  /** When the Save's first attempt started (a record the CRM made since may be its own). */
  firstAt: number;
  /** Records a created contact before the next CRM call, so a retry never creates it again. */
  recordContact: (contact: NonNullable<SaveRequestState['createdContact']>) => Promise<void>;
}

export function checkRequestId(requestId: unknown): string {
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
    badRequest('This Save has no valid request id. Reload the page and try again.');
  }
  return requestId;
}

/** A full area first gives up finished Saves' records; then the Save goes on without one. */
async function remember(id: string, state: SaveRequestState): Promise<void> {
  try {
    await saveRequests.set(id, state);
  } catch {
    await forgetSaves(isFinished).catch(() => 0);
    await saveRequests.set(id, state).catch((error: unknown) => {
      console.warn(`CallPop: a Save's record was not kept: ${String(error)}`);
    });
  }
}

export function runOnce<T>(
  kind: SaveRequestState['kind'],
  requestId: string,
  now: () => number,
  work: (step: SaveStep) => Promise<T>,
): Promise<T> {
  const id = `${kind}:${requestId}`;
  return shareWhileRunning(running, id, async () => {
    const previous = await saveRequests.get(id).catch(() => undefined);
    if (previous?.status === 'done') return previous.result as T;
    let state: SaveRequestState = {
      kind,
      startedAt: previous?.startedAt ?? now(),
      status: 'running',
      ...(previous?.createdContact ? { createdContact: previous.createdContact } : {}),
    };
    await remember(id, state);
    try {
      const result = await work({
        previous,
        firstAt: state.startedAt,
        recordContact: async (contact) => {
          state = { ...state, createdContact: contact };
          await remember(id, state);
        },
      });
      await remember(id, { ...state, status: 'done', result });
      return result;
    } catch (error) {
      // A failed Save may be retried with the same id: the state keeps any created contact.
      await remember(id, { ...state, status: 'failed' });
      throw error;
    }
  });
}

/** Save records are kept this long after their Save started, then dropped by the sweep alarm. */
export const SAVE_RECORD_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** Done: its reply is in the CRM. A failed one may hold the contact it made, needed by a retry. */
export const isFinished = (record: SaveRequestState) => record.status === 'done';

/** Removes the records of Saves not in flight that `drop` picks; returns how many. */
export async function forgetSaves(drop: (record: SaveRequestState) => boolean): Promise<number> {
  const records = await saveRequests.getMany(await saveRequests.ids());
  const old = [...records]
    .filter(([id, record]) => !running.has(id) && drop(record))
    .map(([id]) => id);
  await saveRequests.remove(old);
  return old.length;
}

/** Removes Save records older than SAVE_RECORD_MAX_AGE_MS; returns how many. */
export function forgetOldSaves(now = Date.now()): Promise<number> {
  return forgetSaves((record) => now - record.startedAt > SAVE_RECORD_MAX_AGE_MS);
}
