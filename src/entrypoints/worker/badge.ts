// The toolbar says when calls cannot pop names: nothing connected, or the CRM failing. Worked out
// from storage (and the lookup just answered), so a restarted worker draws the same badge.
import { connectionHandlers } from '@/features/connection/worker';
import type { LookupResult } from '@/platform/messages';
import { callSessions, connectionItem, credentialsRejected } from '@/platform/storage/keys';
import { inBackground } from '@/platform/worker/report';

const DANGER = '#b91c1c';

/** The newest call's lookup, the CRM's last answer when no page lookup is at hand. */
async function newestCallLookup(): Promise<LookupResult | 'failed' | undefined> {
  const calls = [...(await callSessions.getMany(await callSessions.ids())).values()];
  const newest = calls.sort((a, b) => b.updatedAt - a.updatedAt)[0];
  if (newest?.lookup.state === 'failed') return 'failed';
  return newest?.lookup.state === 'done' ? newest.lookup.result : undefined;
}

/** What the badge should say, or null when all is well. */
export async function badgeFor(
  lastLookup?: LookupResult,
): Promise<{ color: string; title: string } | null> {
  const connection = await connectionHandlers['connection.get']();
  if (!connection) return { color: '#b45309', title: 'CallPop: not connected to a CRM' };
  const crm = connection.displayName;
  if (connection.rejectedAt !== undefined) {
    return { color: DANGER, title: `CallPop: ${crm} rejected the saved credentials. Reconnect.` };
  }
  const last = lastLookup ?? (await newestCallLookup());
  if (last === 'failed' || last?.crmFailure) {
    return { color: DANGER, title: `CallPop: the last lookup in ${crm} failed` };
  }
  return null;
}

export async function updateBadge(lastLookup?: LookupResult): Promise<void> {
  const badge = await badgeFor(lastLookup);
  await chrome.action.setBadgeText({ text: badge ? '!' : '' });
  await chrome.action.setTitle({ title: badge?.title ?? 'CallPop' });
  if (badge) await chrome.action.setBadgeBackgroundColor({ color: badge.color });
}

/** Redrawn when the connection or its rejection changes, whatever changed it. */
export function registerBadge(): void {
  chrome.storage.local.onChanged.addListener((changes) => {
    if (connectionItem.key in changes || credentialsRejected.key in changes) {
      inBackground('the toolbar badge', updateBadge());
    }
  });
}
