/** "Looked up just now", "Saved 3 min ago", flagged when stale: where the shown contacts came from. */
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
  if (result.source === 'none' || result.fetchedAt === null) return 'Not looked up';
  const age = ago(Math.max(0, now - result.fetchedAt));
  if (result.source === 'crm') return `Looked up ${age}`;
  const label = `Saved ${age}`;
  // Stale: the CRM was asked and gave no answer to show (down, or refusing: the note says which).
  return result.stale ? `${label} (could not refresh, may be out of date)` : label;
}
