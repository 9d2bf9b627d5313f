/**
 * Cached matches were searched with the phone formats set at the time: other formats may find
 * other contacts (or none), so when the formats change the match cache starts over, and the
 * next lookup of every number asks the CRM with the new ones.
 */
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

/**
 * The same check on each use of the engine, against the formats the cache was searched with:
 * Chrome does not always start a stopped worker for a storage change, so the listener above
 * alone could leave "no match" answers of the old formats in place for their lifetime.
 * `stored` is read with the settings (one storage read); null before the first check.
 */
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
