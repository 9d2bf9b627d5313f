// Contacts carry only their owner's id: a view names it from the stored users, else fetches them
// in the background, at most once a day, so a lookup never waits nor pays another CRM request.
import { ownerNames } from '@/platform/storage/keys';
import { inBackground } from '@/platform/worker/report';
import type { Account } from './account';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The account whose users are being fetched (work in flight); a clear of the cache drops it. */
let fetching: { account: string } | null = null;

export function ownerName({ connector, owners, scope, user, authHeader }: Account, id?: string) {
  const account = `${scope.platform}:${scope.accountId}`;
  const names = owners?.account === account ? owners.names : {};
  const now = Date.now();
  const recent = owners?.account === account && now - owners.at < DAY_MS;
  if (id && !names[id] && !recent && fetching?.account !== account && connector.listUsers) {
    const mine = (fetching = { account });
    const listed = connector.listUsers(user, authHeader);
    inBackground('fetching the CRM users', listed);
    // A failure counts as a fetch too: no owner on the card, asked again the next day.
    const keep = async (n: typeof names) => {
      if (fetching === mine) await ownerNames.set({ account, at: now, names: n });
    };
    const stored = listed.catch(() => names).then(keep);
    inBackground(
      'storing the CRM users',
      stored.finally(() => fetching === mine && (fetching = null)),
    );
  }
  return id && names[id];
}

/** With the cache: the stored users go, and a fetch still running stores nothing. */
export async function forgetOwners(): Promise<void> {
  fetching = null;
  await ownerNames.remove();
}
