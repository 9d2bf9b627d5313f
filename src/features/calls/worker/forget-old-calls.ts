/** Old call records are dropped by the sweep alarm, never on the path from ring to window. */
import { callSessions } from '@/platform/storage/keys';

/** Calls are forgotten this long after their last event, so session storage stays small. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** Removes calls whose last event is older than SESSION_MAX_AGE_MS; returns how many. */
export async function forgetOldCalls(now = Date.now()): Promise<number> {
  const sessions = await callSessions.getMany(await callSessions.ids());
  const old = [...sessions]
    .filter(([, session]) => now - session.updatedAt > SESSION_MAX_AGE_MS)
    .map(([id]) => id);
  await callSessions.remove(old);
  return old.length;
}
