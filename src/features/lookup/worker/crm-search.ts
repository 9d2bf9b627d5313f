// One findContact call shared by same-number lookups in flight, bounded per CRM, retried after 429.
import { isPlaceholder, type Contact, type ReturnMessage } from '../model/contact';
import { joinOverridingFormats } from '../model/phone';
import type { CachedMatch } from '@/platform/storage/keys';
import { CrmError, MalformedResponseError, classifyError } from '@/platform/worker/http/errors';
import type { Account } from './account';
import type { EngineDeps } from '@/connectors/deps';
import {
  inCrmSlot,
  pace,
  shareInFlight,
  takeTurn,
  type Turn,
} from '@/platform/worker/http/limiter';
import type { Hold } from '@/platform/worker/share-while-running';
import { updateCache } from './crm-answer-cache';
import { noteCredentialsAccepted, noteCredentialsRejected } from './credentials-status';

export interface CrmAnswer {
  contacts: Contact[];
  canCreate: boolean;
  returnMessage: ReturnMessage | null;
  fetchedAt: number;
  /** Shown instead of `contacts`: created contacts the CRM's lagging index misses, kept. */
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

/** Told the contacts a lookup has found before its answer is complete (see FindHooks). */
export type OnPartial = (contacts: Contact[]) => void;

/** Everyone waiting for a number's answer who wants its first contacts too, by number. */
const watchers = new Map<string, Set<OnPartial>>();

/** Adds a watcher of the number's first contacts; returns how to remove it. */
function watch(number: string, onPartial: OnPartial): () => void {
  const set = watchers.get(number) ?? new Set<OnPartial>();
  watchers.set(number, set.add(onPartial));
  return () => {
    set.delete(onPartial);
    if (set.size === 0 && watchers.get(number) === set) watchers.delete(number);
  };
}

/** Awaited before each request: resolves when it keeps within the CRM's per-second rate. */
export function paceOf({ connector, crm }: Account, deps: EngineDeps) {
  const perSecond = connector.manifest.maxRequestsPerSecond;
  return () => (perSecond ? pace(crm, perSecond, deps, deps.batch) : Promise.resolve());
}

async function callConnector(
  account: Account,
  target: SearchTarget,
  deps: EngineDeps,
  number: string,
): Promise<CrmAnswer> {
  const { connector, user, authHeader, settings, crm } = account;
  const slots = deps.batch ? `${crm} batch` : crm;
  const hooks = {
    pace: paceOf(account, deps),
    onPartial: (found: Contact[]) => {
      const contacts = found.filter((c) => isContact(c) && !isPlaceholder(c));
      for (const tell of watchers.get(number) ?? []) tell(contacts);
    },
  };
  const args = {
    user,
    authHeader,
    phoneNumber: target.phoneNumber,
    overridingFormat: joinOverridingFormats(settings.overridingFormats),
    isExtension: target.isExtension,
    proxyConfig: null,
    tracer: null,
    isForceRefreshAccountData: target.force,
  };
  const result = await inCrmSlot(slots, () => connector.findContact(args, hooks), deps);
  if (!result || typeof result !== 'object') {
    throw new MalformedResponseError('The connector returned nothing.');
  }
  const list: unknown[] = Array.isArray(result.matchedContactInfo) ? result.matchedContactInfo : [];
  const contacts = list.filter(isContact);
  if (list.length > 0 && contacts.length === 0) {
    throw new MalformedResponseError('The CRM returned contacts without id or name.');
  }
  const real = contacts.filter((c) => !isPlaceholder(c));
  if (result.successful === false && real.length === 0) {
    // The connector caught a failure itself: that is not a "no match", and the cache stays.
    throw new ConnectorFailure(result.returnMessage ?? null);
  }
  return {
    contacts: real,
    canCreate: contacts.some(isPlaceholder),
    returnMessage: result.returnMessage ?? null,
    fetchedAt: deps.now(),
    keptCreated: null,
  };
}

// A forced Refresh (a lookup looks stuck) sends its own request, shared only with forced ones. The
// newest request's answer wins (takeTurn): older callers get it, never the reverse.
export function searchCrm(
  account: Account,
  target: SearchTarget,
  deps: EngineDeps,
  onPartial?: OnPartial,
): Promise<CrmAnswer> {
  const number = `${account.scope.accountId}:${account.scope.platform}:${target.phoneNumber}:${target.isExtension ? 'x' : ''}`;
  const forced = `${number}f`;
  // One request to the CRM and the cache write of its answer.
  const ask = async (hold: Hold, turn: Turn<CrmAnswer>) => {
    try {
      const answer = await callConnector(account, target, deps, number);
      await noteCredentialsAccepted(account);
      const { cacheId } = target;
      const shown =
        cacheId === null
          ? answer
          : await updateCache(account, { ...target, cacheId }, answer, deps, hold, turn);
      turn.answered(shown);
      return shown;
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === 'auth') await noteCredentialsRejected(account, deps.now());
      throw failure;
    }
  };
  const run = (hold: Hold): Promise<CrmAnswer> => {
    const turn = takeTurn<CrmAnswer>(number);
    const writes: Promise<unknown>[] = [];
    const keep: Hold = (work) => {
      writes.push(work);
      hold(work);
    };
    const own = ask(keep, turn);
    const end = () => void Promise.allSettled(writes).then(() => turn.done());
    void own.then(end, end);
    return Promise.race([own, turn.overtaken]);
  };
  const stop = onPartial ? watch(number, onPartial) : () => undefined;
  const answer = target.force ? shareInFlight(forced, run) : shareInFlight(number, run, forced);
  void answer.then(stop, stop);
  return answer;
}
