/** Which connection a noted 401 is about: the same CRM account, connected at the same time. */
import type { Connection } from '@/features/connection/model/connection';
import type { CredentialsRejected } from '@/platform/storage/keys';

export function sameConnection(
  a: Pick<Connection, 'platform' | 'accountId' | 'connectedAt'>,
  b: Pick<Connection, 'platform' | 'accountId' | 'connectedAt'>,
): boolean {
  return (
    a.platform === b.platform && a.accountId === b.accountId && a.connectedAt === b.connectedAt
  );
}

/** When the CRM started refusing this connection's credentials; a note about another is stale. */
export function rejectionOf(
  connection: Connection | null,
  rejected: CredentialsRejected | null | undefined,
): number | undefined {
  return connection && rejected && sameConnection(connection, rejected) ? rejected.at : undefined;
}
