// Contacts carry only their owner's id: a view names it from the stored users, else fetches them
// in the background, at most once a day, so a lookup never waits nor pays another CRM request.
import { ownerNames } from '@/platform/storage/keys';
import { inBackground } from '@/platform/worker/report';
import type { Account } from './account';

const DAY_MS = 24 * 60 * 60 * 1000;
let asked: { account: string; at: number } | null = null; // this worker's last fetch

export function ownerName({ connector, owners, scope, user, authHeader }: Account, id?: string) {
  const account = `${scope.platform}:${scope.accountId}`;
  const names = owners?.account === account ? owners.names : {};
  const now = Date.now();
  const recent = [owners, asked].some((a) => a?.account === account && now - a.at < DAY_MS);
  if (id && !names[id] && !recent && connector.listUsers) {
    asked = { account, at: now };
    const listed = connector.listUsers(user, authHeader);
    inBackground('fetching the CRM users', listed);
    // A failure counts as a fetch too: no owner on the card, asked again the next day.
    const keep = (n: typeof names) => ownerNames.set({ account, at: now, names: n });
    inBackground('storing the CRM users', listed.catch(() => names).then(keep));
  }
  return id && names[id];
}
