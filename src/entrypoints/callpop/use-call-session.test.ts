import { describe, expect, it } from 'vitest';
import { aCall } from '@/test/calls';
import { callSessions } from '@/platform/storage/keys';
import { connectionSwitched, nextSessionState, otherWindowOpened } from './use-call-session';

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
