import type { ExtensionStatus } from '@/shared/messages';

export function getStatus(): ExtensionStatus {
  const manifest = chrome.runtime.getManifest();
  return { name: manifest.name, version: manifest.version_name ?? manifest.version };
}
