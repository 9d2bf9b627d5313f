// The CRM account whose names the widget shows: another account changes them all, a new token none.
import type { Connection } from '@/features/connection/model/connection';
import { connectionItem } from '@/platform/storage/keys';

let namesFrom: string | null | undefined;

const accountOf = (c: Connection | null) =>
  c ? `${c.platform}:${c.accountId}:${c.hostname}` : null;

export function startNamesAccount(): void {
  void connectionItem.get().then((connection) => {
    namesFrom ??= accountOf(connection);
  });
}

/** Whether `next` (the connection just stored) shows other names than the one before. */
export function namesAccountChanged(next: Connection | null): boolean {
  const account = accountOf(next);
  const changed = account !== namesFrom;
  namesFrom = account;
  return changed;
}
