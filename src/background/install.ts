import { ALL_FAMILIES, ALL_ITEMS, installInfo } from '@/shared/storage/keys';

/** Brings stored data up to the current schema and records the installed version. */
export async function onInstalled(details: chrome.runtime.InstalledDetails): Promise<void> {
  await Promise.all([...ALL_ITEMS, ...ALL_FAMILIES].map((entry) => entry.migrate()));
  const version = chrome.runtime.getManifest().version;
  await installInfo.update((current) => ({
    installedAt: details.reason === 'install' ? Date.now() : (current.installedAt ?? Date.now()),
    version,
  }));
}

export function registerInstallHandler(): void {
  chrome.runtime.onInstalled.addListener((details) => {
    void onInstalled(details);
  });
}
