import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installChromeFake, type ChromeFake } from '@/test/chrome-fake';
import type { openSoftphoneWindow } from './open-window';

type Open = typeof openSoftphoneWindow;

/**
 * The fake has no getContexts; this one reports the softphone page only once `loaded` says so,
 * as Chrome lists a new window's page only after it has loaded.
 */
function withContexts(fake: ChromeFake, loaded: () => number | null): void {
  Object.assign(fake.chrome.runtime, {
    ContextType: { TAB: 'TAB' },
    getContexts: async () => {
      await Promise.resolve();
      const windowId = loaded();
      return windowId === null ? [] : [{ windowId }];
    },
  });
}

describe('openSoftphoneWindow', () => {
  let fake: ChromeFake;
  let open: Open;

  beforeEach(async () => {
    fake = installChromeFake();
    // A fresh module per test: it remembers the window it opened.
    vi.resetModules();
    ({ openSoftphoneWindow: open } = await import('./open-window'));
  });

  it('brings forward the window it just opened, before Chrome lists its page', async () => {
    withContexts(fake, () => null);
    const first = await open();
    const again = await open();
    expect(fake.windows.size).toBe(1);
    expect(again?.id).toBe(first?.id);
  });

  it('opens a new window once that one was closed', async () => {
    withContexts(fake, () => null);
    const first = await open();
    await fake.chrome.windows.remove(first!.id!);
    const second = await open();
    expect(fake.windows.size).toBe(1);
    expect(second?.id).not.toBe(first?.id);
  });

  it('brings forward a softphone window another page opened', async () => {
    const other = await fake.chrome.windows.create({ url: 'softphone', type: 'popup' });
    withContexts(fake, () => other.id);
    const focused = await open();
    expect(focused?.id).toBe(other.id);
    expect(fake.windows.size).toBe(1);
  });

  it('rejects when Chrome refuses, and tries again on the next call', async () => {
    withContexts(fake, () => null);
    const create = vi
      .spyOn(fake.chrome.windows, 'create')
      .mockRejectedValueOnce(new Error('No current window'));
    await expect(open()).rejects.toThrow('No current window');
    await expect(open()).resolves.toMatchObject({ type: 'popup' });
    expect(create).toHaveBeenCalledTimes(2);
  });
});
