/**
 * Cached matches were searched with the phone formats set at the time: other formats may find
 * other contacts (or none), so when the formats change the match cache starts over, and the
 * next lookup of every number asks the CRM with the new ones.
 */
import { getConnector } from '@/connectors';
import { connectionItem, settingsItem } from '@/shared/storage/keys';
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
  return true;
}
