/**
 * One findContact call, shared by the lookups of the same number in flight (a Refresh sends its
 * own), bounded per CRM, retried after a 429, and written to the cache once unless a newer answer
 * was. Returns what the CRM said or throws a CrmError.
 */
import type { Tracer } from '@/connectors/types';
import {
  isPlaceholder,
  type Contact,
  type FindContactResult,
  type ReturnMessage,
} from '@/shared/contact';
import { joinOverridingFormats } from '@/shared/phone';
import { connectionItem, settingsItem, type CachedMatch } from '@/shared/storage/keys';
import { CrmError, MalformedResponseError, classifyError } from '../http/errors';
import type { Account } from './account';
import {
  CREATED_GRACE_MS,
  buildEntry,
  cacheLimits,
  contactsOf,
  readEntry,
  removeEntry,
  writeEntry,
} from './cache';
import type { EngineDeps } from './deps';
import {
  CRM_CONCURRENCY,
  retryRateLimited,
  shareInFlight,
  takeTurn,
  withSlot,
  type Turn,
} from './limiter';
import { RateLimitedPartway } from './resumable';
import { inBackground } from '../report';
import type { Hold } from '../share-while-running';

export interface CrmAnswer {
  contacts: Contact[];
  canCreate: boolean;
  returnMessage: ReturnMessage | null;
  fetchedAt: number;
  /**
   * The cache entry of just-created contacts the CRM's search does not return yet (its index
   * lags), with whatever the CRM did return: what the lookup shows instead of `contacts`.
   */
  keptCreated: CachedMatch | null;
}

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
  /** The cache entry the lookup read before asking the CRM (no second read on the way). */
  cached?: CachedMatch | undefined;
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
  // After a 429 partway through a connector's requests, the retry sends only those missing.
  let resume: (() => Promise<FindContactResult>) | null = null;
  const find = () =>
    resume
      ? resume()
      : connector.findContact({
          user,
          authHeader,
          phoneNumber: target.phoneNumber,
          overridingFormat: joinOverridingFormats(settings.overridingFormats),
          isExtension: target.isExtension,
          proxyConfig: null,
          tracer,
          isForceRefreshAccountData: target.force,
        });
  const result = await retryRateLimited(
    () =>
      withSlot(crm, CRM_CONCURRENCY, () =>
        find().catch((error: unknown) => {
          if (error instanceof RateLimitedPartway) resume = error.resume;
          throw error;
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

const warningOf = (answer: CrmAnswer): { warning?: string } =>
  answer.returnMessage?.messageType === 'warning' ? { warning: answer.returnMessage.message } : {};

/**
 * The CRM's contacts plus those of a create's entry, still in its grace, that the CRM did not
 * return (its search index may not have them yet); null when nothing is missing. It keeps the
 * create's time, so refreshes do not stretch the grace, and the create's mark, so lookups ask
 * the CRM again once the grace is over (see isFresh). A contact deleted in the CRM within the
 * grace is shown until it ends: a create's entry does not say which contacts it added.
 */
function keepCreated(
  entry: CachedMatch | undefined,
  answer: CrmAnswer,
  e164: string,
  now: number,
): CachedMatch | null {
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

/** Whether the account a lookup ran for is still the one connected. */
async function stillConnected(account: Account): Promise<boolean> {
  const connection = await connectionItem.get();
  return (
    connection !== null &&
    connection.accountId === account.connection.accountId &&
    connection.platform === account.connection.platform
  );
}

/**
 * Whether the phone formats this answer was searched with are still the ones set: new formats
 * empty the cache (formats-changed.ts), and an answer searched with the old ones must not
 * come back into it. Only for a CRM that searches by the formats.
 */
async function sameFormats(account: Account): Promise<boolean> {
  if (!account.connector.manifest.usesOverridingFormats) return true;
  const { overridingFormats } = await settingsItem.get();
  return JSON.stringify(overridingFormats) === JSON.stringify(account.settings.overridingFormats);
}

/**
 * Stores the CRM's answer and returns what the lookup shows. The write is handed to `hold`, not
 * awaited: the answer is shown at once (during a call pop, Chrome answers storage calls late
 * while the window is being created), and identical lookups join this one until it is stored.
 * A failed write only costs a later lookup its cache hit, so it is logged, not shown.
 * `before` is the entry the lookup read before asking the CRM.
 */
async function updateCache(
  account: Account,
  target: SearchTarget & { cacheId: string },
  answer: CrmAnswer,
  deps: EngineDeps,
  tracer: Tracer | null,
  hold: Hold,
  before: CachedMatch | undefined,
  turn: Turn<CrmAnswer>,
): Promise<CrmAnswer> {
  const limits = cacheLimits(account.settings);
  const now = deps.now();
  const { cacheId: id, phoneNumber: e164 } = target;
  // A disconnect while the CRM was asked has emptied the cache: this answer must not come back
  // into it, so it is taken out again when the account is gone. (Checked after the write, not
  // before, so the write is queued at once.) An answer to an older request than one that has
  // answered already (a Refresh sent while this one hung) is not written over the newer one:
  // `turn.mayStore()` is asked right before the write goes out.
  const store = (write: () => Promise<void>) => {
    const stored = write().then(async () => {
      if (!(await stillConnected(account)) || !(await sameFormats(account))) await removeEntry(id);
    });
    hold(stored);
    inBackground('caching the lookup', stored);
  };
  const newerKept = () => {
    tracer?.trace('cache.newerAnswerKept');
    return Promise.resolve();
  };
  const put = (entry: CachedMatch) => (turn.mayStore() ? writeEntry(id, entry) : newerKept());
  const drop = () => (turn.mayStore() ? removeEntry(id) : newerKept());
  if (answer.contacts.length > 0) {
    // Only just after a create is the entry read again before answering (a read can answer
    // late during a call pop): the created contacts the CRM lacks are then shown too.
    if (before?.s === 1) {
      const kept = keepCreated(await readEntry(id), answer, e164, now);
      if (kept) {
        tracer?.trace('cache.keptCreated');
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
      readEntry(id).then((latest) => put(keepCreated(latest, answer, e164, deps.now()) ?? entry)),
    );
    return answer;
  }
  // Read when the CRM answered, not before: a contact created meanwhile is kept.
  const existing = await readEntry(id);
  if (keepCreated(existing, answer, e164, now)) {
    tracer?.trace('cache.keptCreated');
    return { ...answer, keptCreated: existing ?? null };
  }
  if (limits.noMatchTtlMs > 0) {
    // Replaces any earlier match: the contact is gone from the CRM.
    store(() => put(buildEntry(e164, [], { canCreate: answer.canCreate, now })));
  } else if (existing) {
    store(drop);
  }
  if (existing?.c) tracer?.trace('cache.staleRemoved');
  return answer;
}

/**
 * Asks the CRM, sharing the request with lookups of the same number in flight. Throws a CrmError.
 *
 * A forced lookup (Refresh) is what a person presses when a lookup looks stuck, so it never
 * joins an older unforced request: it sends its own, and shares it only with other forced ones.
 * An unforced lookup joins a forced request in flight (its answer is as new as any), or else an
 * unforced one. Whichever answers first, the newest request's answer wins (see takeTurn): the
 * older request's callers get it as soon as it comes, and the older answer, when it comes at
 * last, is not written over it in the cache.
 */
export function searchCrm(
  account: Account,
  target: SearchTarget,
  deps: EngineDeps,
  tracer: Tracer | null,
): Promise<CrmAnswer> {
  const number = `${account.scope.accountId}:${account.scope.platform}:${target.phoneNumber}:${target.isExtension ? 'x' : ''}`;
  const forced = `${number}f`;
  const run = (hold: Hold): Promise<CrmAnswer> => {
    const turn = takeTurn<CrmAnswer>(number);
    const writes: Promise<unknown>[] = [];
    const keep: Hold = (work) => {
      writes.push(work);
      hold(work);
    };
    const own = ask(account, target, deps, tracer, keep, turn);
    const end = () => void Promise.allSettled(writes).then(() => turn.done());
    void own.then(end, end);
    const overtaken = turn.overtaken.then((answer) => {
      tracer?.trace('crm.overtaken');
      return answer;
    });
    return Promise.race([own, overtaken]);
  };
  return target.force ? shareInFlight(forced, run) : shareInFlight(number, run, [forced]);
}

/** One request to the CRM and the cache write of its answer. */
async function ask(
  account: Account,
  target: SearchTarget,
  deps: EngineDeps,
  tracer: Tracer | null,
  hold: Hold,
  turn: Turn<CrmAnswer>,
): Promise<CrmAnswer> {
  try {
    const { cacheId } = target;
    const answer = await callConnector(account, target, deps, tracer);
    const shown =
      cacheId === null
        ? answer
        : await updateCache(
            account,
            { ...target, cacheId },
            answer,
            deps,
            tracer,
            hold,
            target.cached,
            turn,
          );
    turn.answered(shown);
    return shown;
  } catch (error) {
    const failure = classifyError(error);
    tracer?.traceError('crm.failed', failure, { kind: failure.kind, status: failure.status });
    throw failure;
  }
}
