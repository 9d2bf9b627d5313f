// Applied when each CRM call reads the settings, so no request waits on a storage read of its own
// and a restarted worker re-applies it. A request's own `timeout` still wins.
import type { http } from './client';
import { SETTING_LIMITS, type Settings } from '@/features/settings/model/settings';

export function requestTimeoutMs(seconds: number): number {
  const { min, max } = SETTING_LIMITS.requestTimeoutSeconds;
  const clamped = Number.isFinite(seconds) ? Math.min(max, Math.max(min, seconds)) : min;
  return clamped * 1000;
}

export function applyRequestTimeout(
  instance: Pick<typeof http, 'defaults'>,
  settings: Pick<Settings, 'requestTimeoutSeconds'>,
): void {
  instance.defaults.timeout = requestTimeoutMs(settings.requestTimeoutSeconds);
}
