// Notes a 401 so Options and the popup ask for new credentials instead of "Signed in as" over a
// key that no longer works.
import type { Connection } from '@/features/connection/model/connection';
import { credentialsRejected, type CredentialsRejected } from '@/platform/storage/keys';
import type { Account } from './account';

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
