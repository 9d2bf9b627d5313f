/**
 * A Save whose attempt timed out (or lost its connection, or met a server error) may still be
 * stored by the CRM moments later: the request was sent, and the CRMs take no idempotency key.
 * A retry asks the CRM what the earlier attempt saved, so one made too soon would miss a write
 * still on its way and save a second copy. It first waits out the rest of this grace.
 */
import type { SaveRequestState } from '@/platform/storage/keys';
import type { EngineDeps } from '@/connectors/deps';

export const LATE_WRITE_GRACE_MS = 10_000;

export async function waitForLateWrite(
  previous: SaveRequestState | undefined,
  deps: Pick<EngineDeps, 'now' | 'sleep' | 'lateWriteGraceMs'>,
): Promise<void> {
  if (!previous) return;
  // An attempt still "running" was cut off (the worker stopped): whatever it sent is unclear.
  const at = Math.max(
    previous.unclearAt ?? -Infinity,
    previous.status === 'running' ? previous.startedAt : -Infinity,
  );
  if (at === -Infinity) return;
  const grace = deps.lateWriteGraceMs ?? LATE_WRITE_GRACE_MS;
  // Never more than the grace, even if the clock went back since.
  const left = Math.min(grace, at + grace - deps.now());
  if (left > 0) await deps.sleep(left);
}
