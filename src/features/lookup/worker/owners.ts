// Contacts carry only their owner's id. The account's users are fetched beside the lookups, at
// most once a day, so a lookup never waits for them nor pays another CRM request.
import type { LookupResult } from '@/platform/messages';
import { ownerNamesItem } from '@/platform/storage/keys';
import { inBackground } from '@/platform/worker/report';
import type { Account } from './account';
import { accountKey, ownerNames } from './views';

const DAY_MS = 24 * 60 * 60 * 1000;
let fetching: Promise<void> | null = null;

/** Starts fetching the users when a contact's owner has no name and none were fetched today. */
export function fetchOwnersIfUnnamed(account: Account, found: LookupResult, now: number): void {
  const { connector, owners, scope } = account;
  const names = ownerNames(account);
  const unnamed = found.contacts.some((c) => c.ownerId && !names?.[c.ownerId]);
  const today = names && owners && now - owners.at < DAY_MS;
  if (!unnamed || today || fetching || !connector.listUsers) return;
  const listed = connector.listUsers(account.user, account.authHeader);
  inBackground('fetching the CRM users', listed);
  // A failed fetch counts too: asked again tomorrow, never on every lookup.
  fetching = listed
    .catch(() => names ?? {})
    .then((fetched) => ownerNamesItem.set({ account: accountKey(scope), at: now, names: fetched }))
    .finally(() => (fetching = null));
  inBackground('storing the CRM users', fetching);
}
