import { useEffect, useState } from 'react';
import { callSessions, type CallSession } from '@/shared/storage/keys';

export type SessionState =
  { state: 'loading' } | { state: 'missing' } | { state: 'ready'; session: CallSession };

/**
 * How long a window waits for its call's record. The softphone page opens the window at the
 * ring, in parallel with the worker writing the record (after waking up, if it was stopped).
 */
export const RECORD_WAIT_MS = 5_000;

/**
 * The call as the worker records it in chrome.storage.session, kept current by watching its key:
 * the cached answer shows at once and the fresh one replaces it in place.
 */
export function useCallSession(sessionId: string | null, initial?: CallSession): SessionState {
  const [state, setState] = useState<SessionState>(
    initial ? { state: 'ready', session: initial } : { state: 'loading' },
  );
  useEffect(() => {
    if (!sessionId) {
      setState({ state: 'missing' });
      return;
    }
    const key = callSessions.keyFor(sessionId);
    let live = true;
    let seen = false;
    const show = (session: CallSession | undefined) => {
      if (!live) return;
      if (session) seen = true;
      setState(session ? { state: 'ready', session } : { state: 'missing' });
    };
    const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      show(changes[key]?.newValue as CallSession | undefined);
    };
    chrome.storage.onChanged.addListener(listener);
    // A record not there yet is still on its way; it is "missing" only after the wait.
    const giveUp = setTimeout(() => {
      if (!seen) show(undefined);
    }, RECORD_WAIT_MS);
    void callSessions.get(sessionId).then((session) => {
      if (session) show(session);
    });
    return () => {
      live = false;
      clearTimeout(giveUp);
      chrome.storage.onChanged.removeListener(listener);
    };
  }, [sessionId]);
  return state;
}

/** Stores a fresher lookup (Refresh, a created contact) into the call, for every open view. */
export async function saveLookup(sessionId: string, lookup: CallSession['lookup']): Promise<void> {
  const latest = await callSessions.get(sessionId);
  if (latest) await callSessions.set(sessionId, { ...latest, lookup });
}
