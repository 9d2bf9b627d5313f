/**
 * A Save whose attempt timed out (or lost its connection, or met a server error) may still be
 * stored by the CRM moments later: the request was sent, and the CRMs take no idempotency key.
 * A retry asks the CRM what the earlier attempt saved, so one made too soon would miss a write
 * still on its way and save a second copy. It first waits out the rest of this grace.
 */
import type { SaveRequestState } from '@/shared/storage/keys';
import type { EngineDeps } from './deps';

export const LATE_WRITE_GRACE_MS = 10_000;

export async function waitForLateWrite(
  previous: SaveRequestState | undefined,
  deps: Pick<EngineDeps, 'now' | 'sleep' | 'lateWriteGraceMs'>,
): Promise<void> {
  const at = previous?.unclearAt;
  if (at === undefined) return;
  const left = at + (deps.lateWriteGraceMs ?? LATE_WRITE_GRACE_MS) - deps.now();
  if (left > 0) await deps.sleep(left);
}
