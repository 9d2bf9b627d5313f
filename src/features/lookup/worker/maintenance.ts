// An alarm keeps the cache bounded; also locks credentials to trusted contexts.
import { settingsItem } from '@/platform/storage/keys';
import { cacheLimits, sweepCache, type SweepReport } from './cache';

export const SWEEP_ALARM = 'callpop.cacheSweep';
const SWEEP_PERIOD_MINUTES = 30;

/** Creates the sweep alarm unless one exists (re-creating would push its next run back). */
export async function ensureSweepAlarm(): Promise<void> {
  if (await chrome.alarms.get(SWEEP_ALARM)) return;
  await chrome.alarms.create(SWEEP_ALARM, {
    delayInMinutes: 1,
    periodInMinutes: SWEEP_PERIOD_MINUTES,
  });
}

export async function runSweep(now = Date.now()): Promise<SweepReport> {
  return sweepCache(cacheLimits(await settingsItem.get()), now);
}

export async function onAlarm(alarm: chrome.alarms.Alarm): Promise<SweepReport | null> {
  return alarm.name === SWEEP_ALARM ? runSweep() : null;
}

/** Only CallPop's own pages and worker may read chrome.storage.local (credentials live there). */
export async function restrictStorageAccess(): Promise<void> {
  await chrome.storage.local
    .setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((error: unknown) => console.warn('CallPop: could not restrict storage access', error));
}
