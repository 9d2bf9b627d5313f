import { ensureSweepAlarm, restrictStorageAccess } from '@/features/lookup/worker';
import { inBackground } from '@/platform/worker/report';
import { updateBadge } from './badge';

const SETUP_PAGE = 'src/entrypoints/setup/index.html';

/** Each browser start: storage access level and the sweep alarm are not guaranteed to persist. */
export async function onStartup(): Promise<void> {
  await restrictStorageAccess();
  await ensureSweepAlarm();
  await updateBadge();
}

/** Install and update: the same as a start; a first install also opens the setup page. */
export async function onInstalled(details: chrome.runtime.InstalledDetails): Promise<void> {
  await onStartup();
  if (details.reason === 'install') await chrome.tabs.create({ url: SETUP_PAGE });
}

export function registerInstall(): void {
  chrome.runtime.onInstalled.addListener((details) =>
    inBackground('install', onInstalled(details)),
  );
  chrome.runtime.onStartup.addListener(() => inBackground('startup', onStartup()));
}
