// Requests Chrome could not deliver because the worker was stopping are sent again: a new send
// starts the worker.
import { ERROR_CODES } from '@/platform/messages';
import { RequestFailed } from '@/platform/ui/messaging';

export const RESEND_DELAYS_MS: readonly number[] = [200, 1_000];

/** No delivery or no answer, as `send` (platform/ui/messaging.ts) words it; not a worker reply. */
export function isTransportFailure(error: unknown): boolean {
  return (
    error instanceof RequestFailed &&
    error.code === ERROR_CODES.internal &&
    /^CallPop (could not be reached|did not answer)\b/.test(error.message)
  );
}

export async function withResend<T>(
  send: () => Promise<T>,
  wait: (ms: number) => Promise<void>,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const delay = RESEND_DELAYS_MS[attempt];
      if (!isTransportFailure(error) || delay === undefined) throw error;
      await wait(delay);
    }
  }
}
