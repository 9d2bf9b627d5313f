import type { ExtensionStatus } from '@/platform/messages';

export function getStatus(): ExtensionStatus {
  const manifest = chrome.runtime.getManifest();
  return { name: manifest.name, version: manifest.version_name ?? manifest.version };
}
