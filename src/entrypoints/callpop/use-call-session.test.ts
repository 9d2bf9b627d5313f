import { describe, expect, it, vi } from 'vitest';
import { aCall } from '@/test/calls';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import {
  connectionSwitched,
  followCall,
  nextSessionState,
  otherWindowOpened,
} from './use-call-session';

describe('nextSessionState', () => {
  const call = aCall();

  it('keeps a call on screen when its record is forgotten, and says so', () => {
    expect(nextSessionState({ state: 'ready', session: call }, undefined)).toEqual({
      state: 'ready',
      session: call,
      forgotten: true,
    });
  });

  it('a call never seen is missing', () => {
    expect(nextSessionState({ state: 'loading' }, undefined)).toEqual({ state: 'missing' });
    expect(nextSessionState({ state: 'missing' }, undefined)).toEqual({ state: 'missing' });
  });

  it('a record that turns up (again) is shown as it is', () => {
    const later = aCall({ updatedAt: 2 });
    const forgotten = { state: 'ready', session: call, forgotten: true } as const;
    expect(nextSessionState(forgotten, later)).toEqual({ state: 'ready', session: later });
  });
});

describe('what ends a call window', () => {
  const pipedrive = { platform: 'pipedrive', accountId: 'a1', credentials: { token: 't1' } };
  it.each([
    [
      'a new token for the same account',
      pipedrive,
      { ...pipedrive, credentials: { token: 't2' } },
      false,
    ],
    ['another account', pipedrive, { ...pipedrive, accountId: 'a2' }, true],
    ['another CRM', pipedrive, { ...pipedrive, platform: 'insightly' }, true],
    ['Disconnect', pipedrive, undefined, true],
    ['a connection after none', undefined, pipedrive, true],
  ])('the connection changes: %s', (_, oldValue, newValue, switched) => {
    expect(connectionSwitched({ oldValue, newValue })).toBe(switched);
  });

  const change = (id: string, before: number | null | undefined, after: number | null) => ({
    [callSessions.keyFor(id)]: {
      ...(before === undefined ? {} : { oldValue: aCall({ sessionId: id, windowId: before }) }),
      newValue: aCall({ sessionId: id, windowId: after }),
    },
  });
  it.each([
    ["another call's window opened", change('s2', null, 9), true],
    ["another call's first record, with a window", change('s2', undefined, 9), true],
    ["another call's record, no window", change('s2', undefined, null), false],
    ["another call's window, unchanged", change('s2', 9, 9), false],
    ["this call's own window", change('s1', null, 9), false],
    ['another key', { popupDraft: { newValue: { windowId: 9, sessionId: 's2' } } }, false],
  ])('%s', (_, changes, opened) => {
    expect(otherWindowOpened(changes, 's1')).toBe(opened);
  });
});

describe('followCall', () => {
  const shown = (show: { mock: { calls: [call?: CallSession][] } }) =>
    show.mock.calls.map(([call]) => call?.updatedAt);

  it('a read answered after a newer change does not bring the older record back', async () => {
    await callSessions.set('s1', aCall());
    let answer!: (items: Record<string, unknown>) => void;
    const read = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    vi.spyOn(chrome.storage.session, 'get').mockReturnValueOnce(read as never);
    const show = vi.fn<(call?: CallSession) => void>();
    const stop = followCall('s1', show);
    await callSessions.set('s1', aCall({ updatedAt: 2 }));
    answer({ [callSessions.keyFor('s1')]: aCall() });
    await read;
    await Promise.resolve();
    expect(shown(show)).toEqual([2]);
    stop();
  });

  it('shows what the read finds when nothing changed, then each change', async () => {
    await callSessions.set('s1', aCall());
    const show = vi.fn<(call?: CallSession) => void>();
    const stop = followCall('s1', show);
    await vi.waitFor(() => expect(shown(show)).toEqual([1]));
    await callSessions.set('s1', aCall({ updatedAt: 3 }));
    stop();
    await callSessions.set('s1', aCall({ updatedAt: 4 }));
    expect(shown(show)).toEqual([1, 3]);
  });
});
