import { useEffect, useState } from 'react';
import { callSessions, type CallSession } from '@/shared/storage/keys';

export type SessionState =
  { state: 'loading' } | { state: 'missing' } | { state: 'ready'; session: CallSession };

/**
 * The call as the worker records it in chrome.storage.session, kept current by watching its key:
 * the cached answer shows at once and the fresh one replaces it in place.
 */
export function useCallSession(sessionId: string | null): SessionState {
  const [state, setState] = useState<SessionState>({ state: 'loading' });
  useEffect(() => {
    if (!sessionId) {
      setState({ state: 'missing' });
      return;
    }
    const key = callSessions.keyFor(sessionId);
    let live = true;
    const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      const next = changes[key]?.newValue as CallSession | undefined;
      setState(next ? { state: 'ready', session: next } : { state: 'missing' });
    };
    chrome.storage.onChanged.addListener(listener);
    void callSessions.get(sessionId).then((session) => {
      if (live) setState(session ? { state: 'ready', session } : { state: 'missing' });
    });
    return () => {
      live = false;
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
