/**
 * Applies the "CRM request timeout" setting to every CRM request. Read per request (one small
 * storage read), so a change on the options page takes effect without a reload.
 */
import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';
import { SETTING_LIMITS } from '@/shared/settings';
import { settingsItem } from '@/shared/storage/keys';
import { DEFAULT_TIMEOUT_MS } from './client';

export async function withSettingsTimeout(
  config: InternalAxiosRequestConfig,
): Promise<InternalAxiosRequestConfig> {
  // A caller that chose its own timeout keeps it.
  if (config.timeout !== undefined && config.timeout !== DEFAULT_TIMEOUT_MS) return config;
  const { min, max } = SETTING_LIMITS.requestTimeoutSeconds;
  const seconds = (await settingsItem.get()).requestTimeoutSeconds;
  const clamped = Number.isFinite(seconds) ? Math.min(max, Math.max(min, seconds)) : min;
  config.timeout = clamped * 1000;
  return config;
}

export function installRequestTimeout(instance: AxiosInstance): void {
  instance.interceptors.request.use(withSettingsTimeout);
}
