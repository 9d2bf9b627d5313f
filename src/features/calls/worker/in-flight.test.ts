import { describe, expect, it } from 'vitest';
import { settle } from '@/test/settle';
import { shareWhileRunning } from '@/platform/worker/share-while-running';
import { lookups, withSessionLock } from './in-flight';

const sharedLookup = (key: string, start: Parameters<typeof shareWhileRunning<null>>[2]) =>
  shareWhileRunning(lookups, key, start);

describe("a call's shared lookup", () => {
  it('shares one lookup and counts it as running until its held work is done', async () => {
    let store: () => void = () => undefined;
    let starts = 0;
    const start = async (hold: (work: Promise<unknown>) => void) => {
      starts += 1;
      hold(new Promise<void>((resolve) => (store = resolve)));
      return null;
    };
    const first = sharedLookup('call', start);
    expect(sharedLookup('call', start)).toBe(first);
    await first;
    await Promise.resolve();
    // Answered but not stored yet: a new event still joins it.
    expect(lookups.get('call')).toBe(first);
    store();
    await settle();
    expect(lookups.get('call')).toBeUndefined();
    expect(starts).toBe(1);
  });

  it('forgets a lookup that failed', async () => {
    const failed = sharedLookup('call', () => Promise.reject(new Error('down')));
    await expect(failed).rejects.toThrow('down');
    await Promise.resolve();
    expect(lookups.get('call')).toBeUndefined();
  });
});

describe('withSessionLock', () => {
  it('runs the tasks of one call one after another, in order', async () => {
    const order: string[] = [];
    const slow = withSessionLock('call', async () => {
      await settle();
      order.push('first');
    });
    const fast = withSessionLock('call', async () => {
      order.push('second');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['first', 'second']);
  });
});
