// Other phone formats may find other contacts, so new formats empty the match cache.
import { getConnector } from '@/connectors';
import type { Connector } from '@/connectors/types';
import type { Settings } from '@/features/settings/model/settings';
import { cacheFormatsItem, connectionItem, settingsItem } from '@/platform/storage/keys';
import { clearCache } from './cache';

function formatsOf(settings: unknown): string {
  const formats = (settings as { overridingFormats?: unknown } | undefined)?.overridingFormats;
  return JSON.stringify(Array.isArray(formats) ? formats : []);
}

/** chrome.storage.onChanged: clears the match cache when the phone formats changed. */
export async function forgetMatchesOnNewFormats(
  changes: Record<string, chrome.storage.StorageChange>,
  areaName: string,
): Promise<boolean> {
  const change = changes[settingsItem.key];
  if (areaName !== settingsItem.definition.area || !change) return false;
  if (formatsOf(change.oldValue) === formatsOf(change.newValue)) return false;
  // A CRM that does not search by the formats found the same contacts either way.
  const connection = await connectionItem.get();
  if (connection && !getConnector(connection.platform).manifest.usesOverridingFormats) return false;
  await clearCache();
  await cacheFormatsItem.set(formatsOf(change.newValue));
  return true;
}

// Chrome does not always wake a stopped worker for a storage change, so the listener alone could
// leave old-format "no match" answers in place. `stored` is null before the first check.
export async function checkCacheFormats(
  connector: Connector,
  settings: Settings,
  stored: string | null,
): Promise<void> {
  const current = formatsOf(settings);
  if (stored === current) return;
  if (stored !== null && connector.manifest.usesOverridingFormats) {
    await clearCache();
    await cacheFormatsItem.set(current);
    return;
  }
  // Nothing to empty (a first use, or a CRM that ignores formats): noted without holding up
  // the lookup, which may be a call's pop; a note lost with a stopped worker is made next time.
  void cacheFormatsItem.set(current).catch(() => undefined);
}
