import { vi } from 'vitest';

/**
 * Lets every promise chain already started run as far as it goes without the clock moving: the
 * fakes answer in microtasks, which Node drains before each macrotask turn. No duration, so a
 * loaded machine cannot make it too short.
 */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Retries `check` after each settle() until it passes: waits for a state, never on a clock. */
export async function until<T>(check: () => T | Promise<T>, turns = 50): Promise<T> {
  for (let turn = 1; turn < turns; turn += 1) {
    try {
      return await check();
    } catch {
      await settle();
    }
  }
  return check();
}
