/**
 * Requests Chrome could not deliver because the worker was being stopped ("the message channel
 * closed before a response was received") are sent again: a new send starts the worker.
 */
import { ERROR_CODES } from '@/platform/messages';
import { RequestFailed } from '@/platform/ui/messaging';

/** A request Chrome could not deliver is sent again after each of these waits. */
export const RESEND_DELAYS_MS: readonly number[] = [200, 1_000];

/**
 * The request never reached the worker, or got no answer from it: `send` (platform/ui/messaging.ts)
 * words such failures this way. A reply the worker gave (its own plain words) is not one.
 */
export function isTransportFailure(error: unknown): boolean {
  return (
    error instanceof RequestFailed &&
    error.code === ERROR_CODES.internal &&
    /^CallPop (could not be reached|did not answer)\b/.test(error.message)
  );
}

/** `send`, sent again after each of RESEND_DELAYS_MS while Chrome could not deliver it. */
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
