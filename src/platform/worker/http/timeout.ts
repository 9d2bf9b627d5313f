// Applied when each CRM call reads the settings (lookup/worker/account.ts), so no request waits on
// a storage read of its own and a restarted worker re-applies it.
import { SETTING_LIMITS } from '@/features/settings/model/settings';

/** A stored setting within its limits; a value that is no number reads as the minimum. */
export const clampSetting = (value: number, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));

export function requestTimeoutMs(seconds: number): number {
  return clampSetting(seconds, SETTING_LIMITS.requestTimeoutSeconds) * 1000;
}
