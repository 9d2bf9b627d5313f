import { installInfo } from '@/platform/storage/keys';
import { ensureSweepAlarm, restrictStorageAccess } from '@/features/lookup/worker';
import { inBackground } from '@/platform/worker/report';

export async function onInstalled(details: chrome.runtime.InstalledDetails): Promise<void> {
  await restrictStorageAccess();
  const version = chrome.runtime.getManifest().version;
  await installInfo.update((current) => ({
    installedAt: details.reason === 'install' ? Date.now() : (current.installedAt ?? Date.now()),
    version,
  }));
  await ensureSweepAlarm();
}

/** Each browser start: storage access level and the sweep alarm are not guaranteed to persist. */
export async function onStartup(): Promise<void> {
  await restrictStorageAccess();
  await ensureSweepAlarm();
}

export function registerInstall(): void {
  chrome.runtime.onInstalled.addListener((details) => {
    inBackground('install', onInstalled(details));
  });
  chrome.runtime.onStartup.addListener(() => {
    inBackground('startup', onStartup());
  });
}
