import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapLimited } from './pool';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapLimited', () => {
  it('keeps input order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const mapped = mapLimited([5, 1, 3, 2, 4], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await after(n);
      running--;
      return n * 10;
    });
    await vi.runAllTimersAsync();
    expect(await mapped).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });

  it('starts nothing after a failure and throws the first error once in-flight tasks end', async () => {
    const started: number[] = [];
    let inFlight = 0;
    const mapped = mapLimited([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      inFlight++;
      await after(n === 1 ? 1 : 20);
      inFlight--;
      if (n === 1) throw new Error('first');
      return n;
    }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await mapped).toEqual(new Error('first'));
    expect(started).toEqual([1, 2]);
    expect(inFlight).toBe(0);
  });
});
