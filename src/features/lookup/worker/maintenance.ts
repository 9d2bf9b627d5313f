// An alarm keeps the cache bounded; also locks credentials to trusted contexts.
import { settingsItem } from '@/platform/storage/keys';
import { cacheLimits, sweepCache } from './cache';

export const SWEEP_ALARM = 'callpop.cacheSweep';

/** Creates the sweep alarm unless one exists (re-creating would push its next run back). */
export async function ensureSweepAlarm(): Promise<void> {
  if (await chrome.alarms.get(SWEEP_ALARM)) return;
  await chrome.alarms.create(SWEEP_ALARM, { delayInMinutes: 1, periodInMinutes: 30 });
}

export async function runSweep(now = Date.now()) {
  return sweepCache(cacheLimits(await settingsItem.get()), now);
}

export async function onAlarm(alarm: chrome.alarms.Alarm) {
  return alarm.name === SWEEP_ALARM ? runSweep() : null;
}

/** Only CallPop's own pages and worker may read chrome.storage.local (credentials live there). */
export async function restrictStorageAccess(): Promise<void> {
  await chrome.storage.local
    .setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((error: unknown) => console.warn('CallPop: could not restrict storage access', error));
}
