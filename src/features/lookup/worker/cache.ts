// One storage key per (account, platform, E.164): a hit reads one key; only the sweep lists them.
import type { Contact } from '../model/contact';
import type { PlatformName } from '@/features/connection/model/connection';
import { SETTING_LIMITS, type Settings } from '@/features/settings/model/settings';
import { matchCache, pickedContacts, type CachedMatch } from '@/platform/storage/keys';
import { forgetOwners } from './owners';
import { clampSetting as clamp } from '@/platform/worker/http/timeout';
import { decodeContact, encodeContact, toSeconds } from './cache-codec';

export interface CacheScope {
  accountId: string;
  platform: PlatformName;
}

/** lastUsed is rewritten at most this often per entry, so hits rarely write. */
export const TOUCH_INTERVAL_MS = 60_000;

// How long a created contact outlives the CRM's lagging search index, and its entry answers alone.
export const CREATED_GRACE_MS = 2 * 60_000;

export function cacheId(scope: CacheScope, e164: string): string {
  return `${scope.accountId}:${scope.platform}:${e164}`;
}

type CacheLimits = ReturnType<typeof cacheLimits>;

export function cacheLimits(settings: Settings) {
  return {
    matchTtlMs: clamp(settings.cache.matchTtlMinutes, SETTING_LIMITS.matchTtlMinutes) * 60_000,
    noMatchTtlMs:
      clamp(settings.cache.noMatchTtlMinutes, SETTING_LIMITS.noMatchTtlMinutes) * 60_000,
    maxEntries: clamp(settings.cache.maxEntries, SETTING_LIMITS.maxEntries),
  };
}

const ttlOf = (entry: CachedMatch, limits: CacheLimits): number =>
  entry.c?.length ? limits.matchTtlMs : limits.noMatchTtlMs;

/** Whether the entry may stand in for the CRM's answer. */
export function isFresh(entry: CachedMatch, limits: CacheLimits, now: number): boolean {
  // A create's entry may extend a short-lived "no match": trusted only through the grace, then the
  // next lookup asks the CRM.
  const ttl = entry.s === 1 ? Math.min(CREATED_GRACE_MS, limits.matchTtlMs) : ttlOf(entry, limits);
  return now - entry.f * 1000 < ttl;
}

export function contactsOf(entry: CachedMatch, e164: string): Contact[] {
  return (entry.c ?? []).map((compact) => decodeContact(compact, e164));
}

export function buildEntry(
  e164: string,
  contacts: readonly Contact[],
  options: { canCreate: boolean; now: number; created?: boolean; warning?: string },
): CachedMatch {
  const entry: CachedMatch = { f: toSeconds(options.now) };
  const real = contacts.filter((contact) => contact.isNewContact !== true);
  if (real.length > 0) entry.c = real.map((contact) => encodeContact(contact, e164));
  if (options.canCreate) entry.n = 1;
  if (options.created) entry.s = 1;
  if (options.warning && real.length > 0) entry.w = options.warning;
  return entry;
}

/** Records a hit, at most once a minute per entry so a busy number does not write per ring. */
export async function touchEntry(id: string, entry: CachedMatch, now: number): Promise<void> {
  const lastUsed = (entry.u ?? entry.f) * 1000;
  if (now - lastUsed < TOUCH_INTERVAL_MS) return;
  await matchCache.set(id, { ...entry, u: toSeconds(now) });
}

// Marked as a create's (s), fresh only for CREATED_GRACE_MS: the contacts it keeps are only as
// current as the entry they came from.
export async function addCreatedContact(id: string, e164: string, contact: Contact, now: number) {
  const existing = await matchCache.get(id);
  const kept = existing
    ? contactsOf(existing, e164).filter((c) => String(c.id) !== String(contact.id))
    : [];
  const entry = buildEntry(e164, [...kept, contact], {
    canCreate: existing?.n === 1 || !existing,
    now,
    created: true,
    ...(existing?.w ? { warning: existing.w } : {}),
  });
  await matchCache.set(id, entry);
}

// A create's entry lives as long as a CRM answer: it is the only copy of the new contact shown
// while the CRM fails.
export async function sweepCache(limits: CacheLimits, now: number) {
  const ids = await matchCache.ids();
  const entries = await matchCache.getMany(ids);
  const expired: string[] = [];
  const live: { id: string; used: number }[] = [];
  for (const [id, entry] of entries) {
    if (typeof entry?.f !== 'number' || now - entry.f * 1000 >= ttlOf(entry, limits)) {
      expired.push(id);
    } else {
      live.push({ id, used: entry.u ?? entry.f });
    }
  }
  live.sort((a, b) => a.used - b.used);
  const evicted = live.slice(0, Math.max(0, live.length - limits.maxEntries)).map((e) => e.id);
  await Promise.all([
    matchCache.remove([...expired, ...evicted]),
    pickedContacts.remove([...expired, ...evicted]),
  ]);
  const remaining = live.length - evicted.length;
  return { expired: expired.length, evicted: evicted.length, remaining };
}

/** Removes every cached lookup and pick, for all accounts; returns how many numbers were removed. */
export async function clearCache(): Promise<number> {
  const ids = await matchCache.ids();
  await Promise.all([matchCache.remove(ids), pickedContacts.remove(await pickedContacts.ids())]);
  await forgetOwners();
  return ids.length;
}
