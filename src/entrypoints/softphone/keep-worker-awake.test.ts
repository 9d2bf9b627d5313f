import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_AWAKE_MS, keepWorkerAwake } from './keep-worker-awake';

describe('keepWorkerAwake', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings well inside Chrome’s 30 s idle limit until stopped', () => {
    expect(KEEP_AWAKE_MS).toBeLessThan(30_000);
    const ping = vi.fn(async () => 'ok');
    const stop = keepWorkerAwake(ping);
    vi.advanceTimersByTime(KEEP_AWAKE_MS - 1);
    expect(ping).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ping).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2 * KEEP_AWAKE_MS);
    expect(ping).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(5 * KEEP_AWAKE_MS);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('keeps pinging after a ping fails (the worker was being replaced)', async () => {
    const ping = vi.fn(() => Promise.reject(new Error('Receiving end does not exist.')));
    const stop = keepWorkerAwake(ping, 10);
    await vi.advanceTimersByTimeAsync(30);
    expect(ping).toHaveBeenCalledTimes(3);
    stop();
  });
});
