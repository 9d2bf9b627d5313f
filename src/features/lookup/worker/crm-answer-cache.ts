// Never over a newer answer, never into a cache emptied meanwhile (disconnect, new formats), and
// keeping a just-created contact the CRM's search does not return yet.
import { joinOverridingFormats } from '../model/phone';
import { matchCache, type CachedMatch } from '@/platform/storage/keys';
import { inBackground } from '@/platform/worker/report';
import type { Hold } from '@/platform/worker/share-while-running';
import { loadSettingsAndConnection, type Account } from './account';
import { CREATED_GRACE_MS, buildEntry, cacheLimits, contactsOf } from './cache';
import type { CrmAnswer, SearchTarget } from './crm-search';
import type { EngineDeps } from '@/connectors/deps';
import type { Turn } from '@/platform/worker/http/limiter';

const warningOf = (answer: CrmAnswer): { warning?: string } =>
  answer.returnMessage?.messageType === 'warning' ? { warning: answer.returnMessage.message } : {};

// Keeps the create's time and mark so refreshes do not stretch the grace; a contact deleted in the
// CRM within the grace shows until it ends (the entry does not say which contacts it added).
function keepCreated(entry: CachedMatch | undefined, answer: CrmAnswer, e164: string, now: number) {
  if (entry?.s !== 1 || !entry.c || now - entry.f * 1000 >= CREATED_GRACE_MS) return null;
  const returned = new Set(answer.contacts.map((c) => String(c.id)));
  const missing = contactsOf(entry, e164).filter((c) => !returned.has(String(c.id)));
  if (missing.length === 0) return null;
  return buildEntry(e164, [...answer.contacts, ...missing], {
    canCreate: answer.canCreate,
    now: entry.f * 1000,
    created: true,
    ...warningOf(answer),
  });
}

// A disconnect or new formats (formats-changed.ts) empty the cache: an answer searched for the old
// account or with the old formats must not come back into it.
async function stillCurrent({ connection: was, connector, settings: had }: Account) {
  const { connection, settings } = await loadSettingsAndConnection();
  const same = (a: string[], b: string[]) => joinOverridingFormats(a) === joinOverridingFormats(b);
  return (
    connection?.accountId === was.accountId &&
    connection.platform === was.platform &&
    (!connector.manifest.usesOverridingFormats ||
      same(settings.overridingFormats, had.overridingFormats))
  );
}

// The write goes to `hold`, not awaited: during a call pop Chrome answers storage late. A failed
// write only costs a later cache hit, so it is logged, not shown.
export async function updateCache(
  account: Account,
  target: SearchTarget & { cacheId: string },
  answer: CrmAnswer,
  deps: EngineDeps,
  hold: Hold,
  turn: Turn<CrmAnswer>,
): Promise<CrmAnswer> {
  const limits = cacheLimits(account.settings);
  const now = deps.now();
  const { cacheId: id, phoneNumber: e164 } = target;
  // Taken out again if a disconnect emptied the cache meanwhile (checked after, so the write queues
  // at once); `turn.mayStore()` keeps an older request's answer off a newer one.
  const store = (write: () => Promise<void>) => {
    const stored = write().then(async () => {
      if (!(await stillCurrent(account))) await matchCache.remove(id);
    });
    hold(stored);
    inBackground('caching the lookup', stored);
  };
  const put = (entry: CachedMatch) =>
    turn.mayStore() ? matchCache.set(id, entry) : Promise.resolve();
  if (answer.contacts.length > 0) {
    // Only just after a create is the entry read again before answering (a read can answer
    // late during a call pop): the created contacts the CRM lacks are then shown too.
    if (target.cached?.s === 1) {
      const kept = keepCreated(await matchCache.get(id), answer, e164, now);
      if (kept) {
        store(() => put(kept));
        return { ...answer, keptCreated: kept };
      }
    }
    // Read again right before writing: a create that landed while the CRM was asked is kept.
    const entry = buildEntry(e164, answer.contacts, {
      canCreate: answer.canCreate,
      now,
      ...warningOf(answer),
    });
    store(() =>
      matchCache
        .get(id)
        .then((latest) => put(keepCreated(latest, answer, e164, deps.now()) ?? entry)),
    );
    return answer;
  }
  // Read when the CRM answered, not before: a contact created meanwhile is kept.
  const existing = await matchCache.get(id);
  if (keepCreated(existing, answer, e164, now)) {
    return { ...answer, keptCreated: existing ?? null };
  }
  if (limits.noMatchTtlMs > 0) {
    // Replaces any earlier match: the contact is gone from the CRM.
    store(() => put(buildEntry(e164, [], { canCreate: answer.canCreate, now })));
  } else if (existing) {
    store(() => (turn.mayStore() ? matchCache.remove(id) : Promise.resolve()));
  }
  return answer;
}
