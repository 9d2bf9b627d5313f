/** Call records are dropped by the sweep alarm, or to make room for a call being recorded. */
import { callSessions, type CallSession } from '@/platform/storage/keys';

/** Calls are forgotten this long after their last event, so session storage stays small. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

async function forget(pick: (calls: CallSession[]) => CallSession[]): Promise<number> {
  const calls = [...(await callSessions.getMany(await callSessions.ids())).values()];
  const gone = pick(calls).map((call) => call.sessionId);
  await callSessions.remove(gone);
  return gone.length;
}

/** Removes calls whose last event is older than SESSION_MAX_AGE_MS; returns how many. */
export function forgetOldCalls(now = Date.now()): Promise<number> {
  return forget((calls) => calls.filter((call) => now - call.updatedAt > SESSION_MAX_AGE_MS));
}

/** Forgets the older half of the calls other than `keep`; returns how many. */
export function forgetOlderHalf(keep: string): Promise<number> {
  return forget((calls) => {
    const others = calls.filter((call) => call.sessionId !== keep);
    // Ended calls go first: a live call forgotten would pop again at its next event.
    others.sort((a, b) => Number(!a.endedAt) - Number(!b.endedAt) || a.updatedAt - b.updatedAt);
    return others.slice(0, Math.ceil(others.length / 2));
  });
}

/** Clear cache frees session space too: ended calls whose window is closed go. */
export function forgetEndedCalls(): Promise<number> {
  return forget((calls) => calls.filter((c) => c.endedAt !== undefined && c.windowId === null));
}
