// Other phone formats may find other contacts, so new formats empty the match cache. Checked as
// each lookup loads the account: a storage listener may not wake a stopped worker anyway.
import type { Connector } from '@/connectors/types';
import type { Settings } from '@/features/settings/model/settings';
import { cacheFormatsItem } from '@/platform/storage/keys';
import { joinOverridingFormats } from '../model/phone';
import { clearCache } from './cache';

/** `stored`: the formats the cached matches were searched with; null before the first check. */
export async function checkCacheFormats(
  connector: Connector,
  settings: Settings,
  stored: string | null,
): Promise<void> {
  const current = joinOverridingFormats(settings.overridingFormats);
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
