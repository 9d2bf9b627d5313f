import type { InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/shared/settings';
import { settingsItem } from '@/shared/storage/keys';
import { DEFAULT_TIMEOUT_MS } from './client';
import { withSettingsTimeout } from './timeout';

const config = (timeout?: number) => ({ timeout, headers: {} }) as InternalAxiosRequestConfig;

describe('CRM request timeout setting', () => {
  it('uses the stored setting in place of the default timeout', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 4 });
    await expect(withSettingsTimeout(config(DEFAULT_TIMEOUT_MS))).resolves.toMatchObject({
      timeout: 4000,
    });
  });

  it('clamps an out-of-range stored value to the allowed limits', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 999 });
    await expect(withSettingsTimeout(config(undefined))).resolves.toMatchObject({
      timeout: 60_000,
    });
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 0 });
    await expect(withSettingsTimeout(config(undefined))).resolves.toMatchObject({ timeout: 3000 });
  });

  it('keeps a timeout the caller chose itself', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 4 });
    await expect(withSettingsTimeout(config(250))).resolves.toMatchObject({ timeout: 250 });
  });
});
