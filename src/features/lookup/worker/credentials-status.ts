/**
 * Notes when the CRM rejects the stored credentials (401: a revoked or expired token), so
 * Options and the popup can say so where the person fixes it, instead of showing "Signed in
 * as" over a key that no longer works. The note has its own key (see credentialsRejected).
 */
import { credentialsRejected } from '@/platform/storage/keys';
import type { Account } from './account';
import { sameConnection } from './credentials-identity';

/**
 * A note, not the request's outcome: a storage failure here must not turn a CRM answer into a
 * failure, nor replace the 401's own message.
 */
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
