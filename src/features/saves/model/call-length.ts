/** A call's length as a person types it for a call logged by hand: minutes, decimals allowed. */

/** Longer than a day is a typo, not a call. */
const MAX_CALL_MINUTES = 24 * 60;

type CallLength = { ok: true; seconds: number } | { ok: false; message: string };

export function parseCallMinutes(text: string): CallLength {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, seconds: 0 };
  const minutes = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(minutes) || minutes > MAX_CALL_MINUTES) {
    return {
      ok: false,
      message: `Enter the call's length in minutes, for example 5 or 2.5 (at most ${MAX_CALL_MINUTES}).`,
    };
  }
  return { ok: true, seconds: Math.round(minutes * 60) };
}
