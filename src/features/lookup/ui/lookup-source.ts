/** "live", "cached 3 min ago", flagged when stale: where the shown contacts came from. */
import type { LookupResult } from '@/platform/messages';

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export function sourceLabel(result: LookupResult, now = Date.now()): string {
  if (result.source === 'crm') return 'live';
  if (result.source === 'none' || result.fetchedAt === null) return 'not looked up';
  const label = `cached ${ago(Math.max(0, now - result.fetchedAt))}`;
  // Stale: the CRM was asked and gave no answer to show (down, or refusing: the note says which).
  return result.stale ? `${label} (not refreshed, may be out of date)` : label;
}
