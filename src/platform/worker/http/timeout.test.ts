import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { connectionItem, settingsItem } from '../../storage/keys';
import { loadSettingsAndConnection } from '@/features/lookup/worker/account';
import { http } from './client';
import { requestTimeoutMs } from './timeout';

describe('CRM request timeout setting', () => {
  it('becomes the default timeout of the CRM client whenever settings are loaded', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 4 });
    await connectionItem.set(null);
    await loadSettingsAndConnection();
    expect(http.defaults.timeout).toBe(4000);
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 20 });
    await loadSettingsAndConnection();
    expect(http.defaults.timeout).toBe(20_000);
  });

  it('clamps an out-of-range value to the allowed limits', () => {
    expect(requestTimeoutMs(999)).toBe(60_000);
    expect(requestTimeoutMs(0)).toBe(3000);
    expect(requestTimeoutMs(Number.NaN)).toBe(3000);
  });

  it('ends a request the CRM never answers at that timeout', async () => {
    vi.useFakeTimers();
    vi.spyOn(globalThis, 'fetch').mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    http.defaults.timeout = 4000;
    let settled = false;
    const usual = http.get('http://127.0.0.1:1/').catch((e: Error) => e.message);
    void usual.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(3999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await usual).toBe('No answer in 4000 ms.');
    vi.useRealTimers();
  });
});
