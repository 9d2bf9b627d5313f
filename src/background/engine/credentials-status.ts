/**
 * Remembers on the stored connection that the CRM rejected its credentials (401: a revoked or
 * expired token), so Options and the popup can say so where the person fixes it, instead of
 * showing "Signed in as" over a key that no longer works.
 */
import type { Connection } from '@/shared/connection';
import { connectionItem } from '@/shared/storage/keys';
import type { Account } from './account';

/** The connection this account was loaded from, not one connected since (another key, CRM). */
const sameConnection = (stored: Connection | null, account: Account): stored is Connection =>
  stored !== null &&
  stored.platform === account.connection.platform &&
  stored.accountId === account.connection.accountId &&
  stored.connectedAt === account.connection.connectedAt;

/**
 * A note, not the request's outcome: a storage failure here must not turn a CRM answer into a
 * failure, nor replace the 401's own message.
 */
const quietly = (work: () => Promise<void>): Promise<void> => work().catch(() => undefined);

export function noteCredentialsRejected(account: Account, now: number): Promise<void> {
  return quietly(async () => {
    const stored = await connectionItem.get();
    if (!sameConnection(stored, account) || stored.rejectedAt !== undefined) return;
    await connectionItem.set({ ...stored, rejectedAt: now });
  });
}

/** A request the CRM accepted: the credentials work again (the 401 was passing). */
export function noteCredentialsAccepted(account: Account): Promise<void> {
  // Read from the account already loaded, so the usual case (never rejected) costs nothing.
  if (account.connection.rejectedAt === undefined) return Promise.resolve();
  return quietly(async () => {
    const stored = await connectionItem.get();
    if (!sameConnection(stored, account) || stored.rejectedAt === undefined) return;
    const { rejectedAt: _cleared, ...accepted } = stored;
    await connectionItem.set(accepted);
  });
}
