import { describe, expect, it } from 'vitest';
import { aCall } from '@/test/calls';
import { nextSessionState } from './use-call-session';

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
