import { useEffect, useState } from 'react';
import type { Connection } from '@/features/connection/model/connection';
import { callSessions, connectionItem, type CallSession } from '@/platform/storage/keys';

export type SessionState =
  | { state: 'loading' }
  | { state: 'missing' }
  /** `forgotten`: the record went away (the sweep drops old calls); `session` is as last seen. */
  | { state: 'ready'; session: CallSession; forgotten?: true };

/** A call on screen stays when its record goes: the window may hold a half-typed log. */
export function nextSessionState(previous: SessionState, session?: CallSession): SessionState {
  if (session) return { state: 'ready', session };
  if (previous.state === 'ready') return { ...previous, forgotten: true };
  return { state: 'missing' };
}

/** For a record not readable yet, or swept: the worker writes it before opening the window. */
export const RECORD_WAIT_MS = 5_000;

const stillLoadingIsMissing = (previous: SessionState): SessionState =>
  previous.state === 'loading' ? { state: 'missing' } : previous;

/** Shows each change to the call's record, and what a read finds unless a change came first. */
export function followCall(sessionId: string, show: (session?: CallSession) => void): () => void {
  const key = callSessions.keyFor(sessionId);
  let heard = false;
  const listener = (changes: Changes, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    heard = true;
    show(changes[key]?.newValue as CallSession | undefined);
  };
  chrome.storage.onChanged.addListener(listener);
  // The read's answer can arrive after a newer change's event: it must not undo that change.
  void callSessions.get(sessionId).then((session) => !heard && session && show(session));
  return () => chrome.storage.onChanged.removeListener(listener);
}

/** The cached answer shows at once, the fresh one replaces it; `initial` is read before render. */
export function useCallSession(sessionId: string | null, initial?: CallSession): SessionState {
  const [state, setState] = useState<SessionState>(
    initial ? { state: 'ready', session: initial } : { state: sessionId ? 'loading' : 'missing' },
  );
  useEffect(() => {
    if (!sessionId) return;
    const show = (session: CallSession | undefined) =>
      setState((previous) => nextSessionState(previous, session));
    const stop = followCall(sessionId, show);
    // A record not there yet is still on its way; it is "missing" only after the wait.
    const giveUp = setTimeout(() => setState(stillLoadingIsMissing), RECORD_WAIT_MS);
    return () => {
      clearTimeout(giveUp);
      stop();
    };
  }, [sessionId]);
  return state;
}

export type Changes = Record<string, chrome.storage.StorageChange>;

/** Another CRM or account, or none: a call's contacts and Log call belong to the one before. */
export function connectionSwitched({ oldValue, newValue }: chrome.storage.StorageChange): boolean {
  const [before, after] = [oldValue, newValue] as (Connection | undefined)[];
  return !after || before?.platform !== after.platform || before.accountId !== after.accountId;
}

/** Whether these changes opened another call's window. */
export function otherWindowOpened(changes: Changes, sessionId: string): boolean {
  return Object.entries(changes).some(([key, { oldValue, newValue }]) => {
    const [before, after] = [oldValue, newValue] as (CallSession | undefined)[];
    const opened = typeof after?.windowId === 'number' && after.windowId !== before?.windowId;
    return key.startsWith(callSessions.prefix) && opened && after.sessionId !== sessionId;
  });
}

/** The CRM connection changed since this window opened. */
export function useConnectionSwitched(): boolean {
  const [switched, setSwitched] = useState(false);
  useEffect(() => {
    const listener = (changes: Changes, area: string) => {
      const connection = changes[connectionItem.key];
      if (area === 'local' && connection && connectionSwitched(connection)) setSwitched(true);
    };
    chrome.storage.onChanged.addListener(listener);
    return () => chrome.storage.onChanged.removeListener(listener);
  }, []);
  return switched;
}
