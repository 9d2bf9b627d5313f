import { describe, expect, it } from 'vitest';
import { callSessions } from '@/shared/storage/keys';
import { aCall } from '@/test/calls';
import { chromeFake } from '@/test/chrome-fake';
import { handleShowCall } from './show-call';

const callWindows = () =>
  [...chromeFake().windows.values()].filter((w) => w.tabs[0]?.url.startsWith('src/callpop/'));

describe('call.show', () => {
  it('opens a closed call window again and keeps its id, then brings it forward', async () => {
    await callSessions.set(
      's1',
      aCall({ pop: { state: 'done', at: 1, opened: 'window', reason: '' }, windowId: null }),
    );
    await expect(handleShowCall({ sessionId: 's1' })).resolves.toEqual({ shown: 'opened' });
    const [win] = callWindows();
    expect(win?.tabs[0]?.url).toBe('src/callpop/index.html?session=s1');
    expect((await callSessions.get('s1'))?.windowId).toBe(win!.id);
    // Asked again: the same window, in front; still popped once.
    win!.focused = false;
    await expect(handleShowCall({ sessionId: 's1' })).resolves.toEqual({ shown: 'focused' });
    expect(callWindows()).toHaveLength(1);
    expect(callWindows()[0]!.focused).toBe(true);
    expect((await callSessions.get('s1'))?.pop).toMatchObject({ state: 'done' });
  });

  it('says plainly when the call is gone or the ask names no call', async () => {
    await expect(handleShowCall({ sessionId: 'gone' })).rejects.toThrow(
      'CallPop no longer keeps this call.',
    );
    await expect(handleShowCall({})).rejects.toThrow('no valid session id');
    expect(callWindows()).toHaveLength(0);
  });
});
