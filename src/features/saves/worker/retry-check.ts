/** The retry rule (docs/saves.md): a retry sends what the first attempt sent, adopts that write if
 * the CRM has it, and (CRMs take no idempotency key) later removes copies a late attempt lands. */
import type { EngineDeps } from '@/connectors/deps';
import type { SavedRecord } from '@/connectors/types';
import type { Account } from '@/features/lookup/worker';
import { inBackground } from '@/platform/worker/report';
import { saveCall } from './crm-write';

/** How far back a retry looks when the Save's record was lost (a full session area). */
const LOOKBACK_MS = 60 * 60_000;

/** Whether this Save is a retry, and since when a record the CRM holds may be its own. */
export function retryOf(
  request: { retry?: true },
  step: { previous: unknown; firstAt: number },
  now: number,
): { since: number } | null {
  if (step.previous !== undefined) return { since: step.firstAt };
  return request.retry === true ? { since: now - LOOKBACK_MS } : null;
}

/** The first check after a retry; each next one waits twice as long. */
const FIRST_CHECK_MS = 2_000;
/** A late write can land at least this long after it was sent; longer for a long timeout. */
const MIN_WATCH_MS = 60_000;
const WATCH_TIMEOUTS = 10;

/** `keep` (or the first found) stays, other copies go. Null when the CRM has none or cannot say. */
export async function settle(
  account: Account,
  deps: EngineDeps,
  save: SavedRecord,
  since: number,
  keep?: string,
): Promise<string | null> {
  const check = account.connector.saveCheck;
  if (!check) return null;
  // A failed look leaves the earlier attempt's fate unknown: the Save stays unclear (frozen).
  const ids = await saveCall(account, deps, save.kind, () => check.find(save, since));
  const kept = keep ?? ids[0];
  // Our own record not listed yet (a lagging list): nothing is taken for a copy of it.
  if (kept === undefined || !ids.includes(kept)) return null;
  for (const id of ids) {
    if (id !== kept) await saveCall(account, deps, save.kind, () => check.remove(save, id));
  }
  return kept;
}

/** Background checks at growing intervals for ten request timeouts (at least a minute). */
export function watchLateCopies(
  account: Account,
  deps: EngineDeps,
  save: SavedRecord,
  since: number,
  keep: string,
): void {
  if (!account.connector.saveCheck) return;
  const window = Math.max(
    MIN_WATCH_MS,
    WATCH_TIMEOUTS * account.settings.requestTimeoutSeconds * 1000,
  );
  const watch = async () => {
    for (let waited = 0, step = FIRST_CHECK_MS; waited < window; waited += step, step *= 2) {
      await deps.sleep(step);
      // One failed check (the CRM busy, say) leaves the next ones to do it.
      await settle(account, deps, save, since, keep).catch(() => null);
    }
  };
  inBackground('checking for a late copy of a Save', watch());
}
