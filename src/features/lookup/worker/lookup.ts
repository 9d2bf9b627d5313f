// contact.lookup: a cache hit reads one storage key and calls no connector.
import type { Contact, ReturnMessage } from '../model/contact';
import type { LookupRequest, LookupResult } from '@/platform/messages';
import { formatForDisplay, normalizePhone, type CountryCode } from '../model/phone';
import { resolveContacts } from '../model/resolvers';
import { matchCache, type CachedMatch } from '@/platform/storage/keys';
import type { CrmError, CrmFailureKind } from '@/platform/worker/http/errors';
import { inBackground } from '@/platform/worker/report';
import { badRequest } from '@/platform/worker/request-error';
import { loadAccount, type Account } from './account';
import { cacheId, cacheLimits, contactsOf, isFresh, touchEntry } from './cache';
import { ConnectorFailure, searchCrm, type SearchTarget } from './crm-search';
import { withPick } from './find-caller';
import type { EngineDeps } from '@/connectors/deps';
import {
  extensionLookupOffMessage,
  failureMessage,
  notFoundMessage,
  staleMessage,
} from './return-messages';
import { toView } from './views';

type Target =
  | { ok: true; phoneNumber: string; displayNumber: string; isExtension: boolean }
  | { ok: false; message: string };

export function parseTarget(input: unknown, defaultCountry: string): Target {
  // normalizePhone reads anything but text as empty.
  const parsed = normalizePhone(input as string, (defaultCountry || undefined) as CountryCode);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { isExtension } = parsed;
  const phoneNumber = isExtension ? parsed.extension : parsed.e164;
  const displayNumber = isExtension ? phoneNumber : formatForDisplay(phoneNumber);
  return { ok: true, phoneNumber, displayNumber, isExtension };
}

type Found = Extract<Target, { ok: true }>;

type Shown = { contacts: Contact[] } & Pick<
  LookupResult,
  'canCreate' | 'source' | 'fetchedAt' | 'stale' | 'returnMessage' | 'provisional'
>;

export function result(account: Account, target: Found, shown: Shown): LookupResult {
  const { connector, settings } = account;
  const crmName = connector.manifest.displayName;
  let contacts = shown.contacts;
  let resolution: LookupResult['resolution'] = null;
  let returnMessage = shown.returnMessage;
  if (contacts.length > 0) {
    const outcome = resolveContacts(contacts, settings.resolver, crmName);
    if (outcome.ok) {
      contacts = outcome.ordered;
      resolution = { resolver: settings.resolver, reason: outcome.reason };
    } else if (!shown.provisional) {
      // A first answer may lack what orders it (dates): it is shown as it came, marked so.
      returnMessage ??= outcome.returnMessage;
    }
  } else if (shown.source !== 'none' && !returnMessage) {
    returnMessage = notFoundMessage(target.displayNumber, crmName);
  }
  return {
    phoneNumber: target.phoneNumber,
    displayNumber: target.displayNumber,
    contacts: contacts.map((contact) => toView(account, contact)),
    canCreate: shown.canCreate,
    contactTypes: connector.manifest.contactTypes ?? [],
    source: shown.source,
    fetchedAt: shown.fetchedAt,
    stale: shown.stale,
    resolution,
    returnMessage,
    ...(shown.provisional ? { provisional: true } : {}),
  };
}

/** Nothing to show from the CRM (not asked, or it failed without a cached match): why. */
export const unanswered = (returnMessage: ReturnMessage | null): Shown => ({
  contacts: [],
  canCreate: false,
  source: 'none',
  fetchedAt: null,
  stale: false,
  returnMessage,
});

const fromEntry = (
  entry: CachedMatch,
  e164: string,
  stale: boolean,
  message: ReturnMessage | null,
): Shown => ({
  contacts: contactsOf(entry, e164),
  canCreate: entry.n === 1,
  source: 'cache',
  fetchedAt: entry.f * 1000,
  stale,
  returnMessage: message,
});

/** Failures that pass by themselves; a refusal (credentials, a bad request) needs the person. */
const PASSING = new Set<CrmFailureKind>(['unavailable', 'timeout', 'network', 'rateLimited']);

/** The warning the CRM gave with these contacts when they were fetched, said again on a hit. */
const savedWarning = (entry: CachedMatch): ReturnMessage | null =>
  entry.w ? { message: entry.w, messageType: 'warning', ttl: 5000 } : null;

/** Looks one number up for an already loaded account; the core of lookup and lookupMany.
 * `onFirst` is told the lookup's first contacts, before its answer is complete. */
export async function lookupWith(
  account: Account,
  target: Found,
  force: boolean,
  deps: EngineDeps,
  preread?: { entry: CachedMatch | undefined },
  onFirst?: (result: LookupResult) => void,
): Promise<LookupResult> {
  const { settings } = account;
  if (target.isExtension && !settings.extensionLookup) {
    return result(account, target, unanswered(extensionLookupOffMessage(target.phoneNumber)));
  }
  const id = target.isExtension ? null : cacheId(account.scope, target.phoneNumber);
  const entry = id === null ? undefined : preread ? preread.entry : await matchCache.get(id);
  const now = deps.now();
  if (id !== null && entry && !force && isFresh(entry, cacheLimits(settings), now)) {
    // Not awaited: a missed "last used" stamp only ages the entry; Chrome may answer writes late.
    inBackground('marking the cache entry used', touchEntry(id, entry, now));
    const hit = fromEntry(entry, target.phoneNumber, false, savedWarning(entry));
    return withPick(account, result(account, target, hit));
  }
  const search: SearchTarget = { ...target, cacheId: id, force, cached: entry };
  // The first contacts, in the CRM's order until what orders them (dates) arrives.
  const partial = (contacts: Contact[]) => {
    const first = { ...unanswered(null), contacts, source: 'crm', fetchedAt: deps.now() } as const;
    onFirst?.(result(account, target, { ...first, provisional: true }));
  };
  const answer = await searchCrm(account, search, deps, onFirst && partial).then(
    ({ keptCreated, ...found }) => {
      const shown: Shown = keptCreated
        ? fromEntry(keptCreated, target.phoneNumber, false, null)
        : { ...found, source: 'crm', stale: false };
      return result(account, target, shown);
    },
    // searchCrm only throws classified errors. The CRM failed: its cached contacts, marked stale,
    // or why nothing can be shown.
    (failure: CrmError): LookupResult => {
      const crmName = account.connector.manifest.displayName;
      if (entry?.c?.length) {
        const message = staleMessage(failure.kind, crmName, failure.message);
        return result(account, target, fromEntry(entry, target.phoneNumber, true, message));
      }
      // A connector that explains its own failure is quoted rather than guessed at; that is
      // neither passing nor refused: nothing to retry or fix.
      if (failure instanceof ConnectorFailure && failure.returnMessage) {
        return result(account, target, unanswered(failure.returnMessage));
      }
      const message = failureMessage(failure.kind, crmName, failure.message);
      const shown = result(account, target, unanswered(message));
      return { ...shown, crmFailure: PASSING.has(failure.kind) ? 'passing' : 'refused' };
    },
  );
  return id === null ? answer : withPick(account, answer);
}

export async function lookupContact(
  request: LookupRequest,
  deps: EngineDeps,
  onFirst?: (result: LookupResult) => void,
): Promise<LookupResult> {
  const account = await loadAccount(deps);
  const target = parseTarget(request?.phoneNumber, account.settings.defaultCountry);
  if (!target.ok) badRequest(target.message);
  return lookupWith(account, target, request.force === true, deps, undefined, onFirst);
}
