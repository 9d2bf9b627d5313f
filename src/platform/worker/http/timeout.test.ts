import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { connectionItem, settingsItem } from '../../storage/keys';
import { loadSettingsAndConnection } from '@/features/lookup/worker/account';
import { http } from './client';
import { applyRequestTimeout, requestTimeoutMs } from './timeout';

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

  it('leaves a timeout a request chose itself alone', async () => {
    const instance = axios.create({ adapter: 'fetch' });
    applyRequestTimeout(instance, { requestTimeoutSeconds: 4 });
    let seen: number | undefined;
    instance.interceptors.request.use((config) => {
      seen = config.timeout;
      throw new Error('stop before the network');
    });
    await expect(instance.get('http://127.0.0.1:1/', { timeout: 250 })).rejects.toThrow();
    expect(seen).toBe(250);
    await expect(instance.get('http://127.0.0.1:1/')).rejects.toThrow();
    expect(seen).toBe(4000);
  });
});
