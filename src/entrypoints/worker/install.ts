import { ensureSweepAlarm, restrictStorageAccess } from '@/features/lookup/worker';
import { inBackground } from '@/platform/worker/report';

/** Each browser start: storage access level and the sweep alarm are not guaranteed to persist. */
export async function onStartup(): Promise<void> {
  await restrictStorageAccess();
  await ensureSweepAlarm();
}

/** Install and update: the same as a start. */
export const onInstalled = (_details: chrome.runtime.InstalledDetails) => onStartup();

export function registerInstall(): void {
  chrome.runtime.onInstalled.addListener((details) => {
    inBackground('install', onInstalled(details));
  });
  chrome.runtime.onStartup.addListener(() => {
    inBackground('startup', onStartup());
  });
}
