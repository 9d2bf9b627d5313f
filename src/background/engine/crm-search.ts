/**
 * One findContact call, shared by every identical lookup in flight, bounded per CRM, retried
 * after a 429, and written to the cache once. Returns what the CRM said or throws a CrmError.
 */
import type { Tracer } from '@/connectors/types';
import { isPlaceholder, type Contact, type ReturnMessage } from '@/shared/contact';
import { joinOverridingFormats } from '@/shared/phone';
import type { CachedMatch } from '@/shared/storage/keys';
import { CrmError, MalformedResponseError, classifyError } from '../http/errors';
import type { Account } from './account';
import { buildEntry, cacheLimits, readEntry, removeEntry, writeEntry } from './cache';
import type { EngineDeps } from './deps';
import { CRM_CONCURRENCY, retryRateLimited, shareInFlight, withSlot } from './limiter';
import { inBackground } from '../report';
import type { Hold } from '../share-while-running';

export interface CrmAnswer {
  contacts: Contact[];
  canCreate: boolean;
  returnMessage: ReturnMessage | null;
  fetchedAt: number;
  /**
   * The cache entry of a just-created contact, kept because the CRM's search index has not
   * caught up yet: read when the CRM answered, so a lookup that started earlier still shows it.
   */
  keptCreated: CachedMatch | null;
}

/** A created contact survives a refresh that does not find it yet for this long. */
export const CREATED_GRACE_MS = 2 * 60_000;

/** The connector reported `successful: false` itself; its returnMessage (if any) says why. */
export class ConnectorFailure extends CrmError {
  constructor(readonly returnMessage: ReturnMessage | null) {
    super('unavailable', returnMessage?.message ?? 'The connector failed.');
    this.name = 'ConnectorFailure';
  }
}

function isContact(value: unknown): value is Contact {
  if (!value || typeof value !== 'object') return false;
  const { id, name } = value as Contact;
  return (typeof id === 'string' || typeof id === 'number') && typeof name === 'string';
}

export interface SearchTarget {
  /** E.164, or the extension digits. */
  phoneNumber: string;
  isExtension: boolean;
  /** Cache id, or null when the result is not cached (extensions). */
  cacheId: string | null;
  force: boolean;
}

async function callConnector(
  account: Account,
  target: SearchTarget,
  deps: EngineDeps,
  tracer: Tracer | null,
): Promise<CrmAnswer> {
  const { connector, user, authHeader, settings, connection } = account;
  const crm = `${connection.platform}:${connection.hostname}`;
  const started = deps.now();
  const result = await retryRateLimited(
    () =>
      withSlot(crm, CRM_CONCURRENCY, () =>
        connector.findContact({
          user,
          authHeader,
          phoneNumber: target.phoneNumber,
          overridingFormat: joinOverridingFormats(settings.overridingFormats),
          isExtension: target.isExtension,
          proxyConfig: null,
          tracer,
          isForceRefreshAccountData: target.force,
        }),
      ),
    deps,
    undefined,
    (ms) => tracer?.trace('crm.rateLimited', { retryInMs: ms }),
  );
  if (!result || typeof result !== 'object') {
    throw new MalformedResponseError('The connector returned nothing.');
  }
  const list: unknown[] = Array.isArray(result.matchedContactInfo) ? result.matchedContactInfo : [];
  const contacts = list.filter(isContact);
  if (contacts.length < list.length && contacts.length === 0) {
    throw new MalformedResponseError('The CRM returned contacts without id or name.');
  }
  const real = contacts.filter((c) => !isPlaceholder(c));
  if (result.successful === false && real.length === 0) {
    // The connector caught a failure itself: that is not a "no match", and the cache stays.
    throw new ConnectorFailure(result.returnMessage ?? null);
  }
  tracer?.trace('crm.answered', { matches: real.length, ms: deps.now() - started });
  return {
    contacts: real,
    canCreate: contacts.some(isPlaceholder),
    returnMessage: result.returnMessage ?? null,
    fetchedAt: deps.now(),
    keptCreated: null,
  };
}

/**
 * Stores the CRM's answer and returns what the lookup shows. The write is handed to `hold`, not
 * awaited: the answer is shown at once (during a call pop, Chrome answers storage calls late
 * while the window is being created), and identical lookups join this one until it is stored.
 * A failed write only costs a later lookup its cache hit, so it is logged, not shown.
 */
async function updateCache(
  account: Account,
  target: SearchTarget & { cacheId: string },
  answer: CrmAnswer,
  deps: EngineDeps,
  tracer: Tracer | null,
  hold: Hold,
): Promise<CrmAnswer> {
  const limits = cacheLimits(account.settings);
  const now = deps.now();
  const store = (write: Promise<void>) => {
    hold(write);
    inBackground('caching the lookup', write);
  };
  if (answer.contacts.length > 0) {
    store(
      writeEntry(
        target.cacheId,
        buildEntry(target.phoneNumber, answer.contacts, {
          canCreate: answer.canCreate,
          now,
          ...(answer.returnMessage?.messageType === 'warning'
            ? { warning: answer.returnMessage.message }
            : {}),
        }),
      ),
    );
    return answer;
  }
  // Read when the CRM answered, not before: a contact created meanwhile is kept.
  const existing = await readEntry(target.cacheId);
  if (existing?.s === 1 && existing.c && now - existing.f * 1000 < CREATED_GRACE_MS) {
    tracer?.trace('cache.keptCreated');
    return { ...answer, keptCreated: existing };
  }
  if (limits.noMatchTtlMs > 0) {
    // Replaces any earlier match: the contact is gone from the CRM.
    store(
      writeEntry(
        target.cacheId,
        buildEntry(target.phoneNumber, [], { canCreate: answer.canCreate, now }),
      ),
    );
  } else if (existing) {
    store(removeEntry(target.cacheId));
  }
  if (existing?.c) tracer?.trace('cache.staleRemoved');
  return answer;
}

/** Asks the CRM, sharing the request with identical lookups in flight. Throws a CrmError. */
export function searchCrm(
  account: Account,
  target: SearchTarget,
  deps: EngineDeps,
  tracer: Tracer | null,
): Promise<CrmAnswer> {
  const key = `${account.scope.accountId}:${account.scope.platform}:${target.phoneNumber}:${target.isExtension ? 'x' : ''}${target.force ? 'f' : ''}`;
  return shareInFlight(key, async (hold) => {
    try {
      const answer = await callConnector(account, target, deps, tracer);
      const { cacheId } = target;
      return cacheId === null
        ? answer
        : await updateCache(account, { ...target, cacheId }, answer, deps, tracer, hold);
    } catch (error) {
      const failure = classifyError(error);
      tracer?.traceError('crm.failed', failure, { kind: failure.kind, status: failure.status });
      throw failure;
    }
  });
}
