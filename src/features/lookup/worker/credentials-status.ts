// Notes a 401 so Options and the popup ask for new credentials instead of "Signed in as" over a
// key that no longer works; CRM calls outside lookups run here, in the CRM's slots.
import type { Connection } from '@/features/connection/model/connection';
import type { EngineDeps } from '@/connectors/deps';
import { ERROR_CODES } from '@/platform/messages';
import { credentialsRejected, type CredentialsRejected } from '@/platform/storage/keys';
import type { CrmError } from '@/platform/worker/http/errors';
import { inCrmSlot } from '@/platform/worker/http/limiter';
import { RequestError } from '@/platform/worker/request-error';
import type { Account } from './account';
import { failureSentence } from './return-messages';

type Identity = Pick<Connection, 'platform' | 'accountId' | 'connectedAt'>;

/** Which connection a noted 401 is about: the same CRM account, connected at the same time. */
const sameConnection = (a: Identity, b: Identity) =>
  a.platform === b.platform && a.accountId === b.accountId && a.connectedAt === b.connectedAt;

/** When the CRM started refusing this connection's credentials; a note about another is stale. */
export function rejectionOf(connection: Connection | null, rejected?: CredentialsRejected | null) {
  return connection && rejected && sameConnection(connection, rejected) ? rejected.at : undefined;
}

// A storage failure here must not turn a CRM answer into a failure, nor replace the 401's message.
const quietly = (work: () => Promise<void>): Promise<void> => work().catch(() => undefined);

export function noteCredentialsRejected(account: Account, now: number): Promise<void> {
  // Already noted when the account was loaded: the key has been failing since then.
  if (account.rejectedAt !== undefined) return Promise.resolve();
  const { platform, accountId, connectedAt } = account.connection;
  return quietly(() => credentialsRejected.set({ platform, accountId, connectedAt, at: now }));
}

/** A request the CRM accepted: the credentials work again (the 401 was passing). */
export function noteCredentialsAccepted(account: Account): Promise<void> {
  // Known from the read that loaded the account, so the usual case costs nothing.
  if (account.rejectedAt === undefined) return Promise.resolve();
  return quietly(async () => {
    const stored = await credentialsRejected.get();
    if (stored && sameConnection(stored, account.connection)) await credentialsRejected.remove();
  });
}

// A CRM call in the CRM's slots with 429 retries; a 401, or a success after one, is noted on the
// connection. A failure is thrown in the person's words (`explain`).
export async function inSlot<T>(
  account: Account,
  deps: EngineDeps,
  run: () => Promise<T>,
  explain: (failure: CrmError, crm: string) => RequestError,
): Promise<T> {
  // inCrmSlot throws classified errors only.
  const value = await inCrmSlot(account.crm, run, deps).catch(async (failure: CrmError) => {
    if (failure.kind === 'auth') await noteCredentialsRejected(account, deps.now());
    throw explain(failure, account.connector.manifest.displayName);
  });
  await noteCredentialsAccepted(account);
  return value;
}

/** Worded as lookups word failures; `what` says what did not happen (else the log form's). */
export const crmCall = <T>(account: Account, deps: EngineDeps, run: () => Promise<T>, what = '') =>
  inSlot(account, deps, run, ({ kind, message }, crm) => {
    const sentence = failureSentence(kind, crm, message, what ? 'try again' : 'press Try again');
    return new RequestError(ERROR_CODES.crm, what ? `${what}: ${sentence}` : sentence);
  });
