/**
 * Whether a call's other party can be looked up at all. A call that cannot is not popped: a
 * window could only say why, and the softphone window's status line says it instead.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { CallDirection } from '@/shared/messages';
import { normalizePhone } from '@/shared/phone';
import { isWithheld, withheldReason } from '@/shared/withheld';

const E164_SHAPE = /^\+[1-9]\d{6,14}$/;

/** null when `number` can be looked up; otherwise why the call does not pop. */
export function unusableCaller(
  number: string,
  direction: CallDirection,
  defaultCountry: string,
): string | null {
  if (isWithheld(number)) return withheldReason(direction);
  // The usual caller id: checked without the phone library, whose first use in a worker just
  // started costs about 2 ms before the window opens (the lookup parses it properly).
  if (E164_SHAPE.test(number)) return null;
  const parsed = normalizePhone(number, (defaultCountry || undefined) as CountryCode | undefined);
  if (parsed.ok) return null;
  if (parsed.reason === 'needsCountry') {
    return `No call pop: ${number} has no country code. Set your default country in Options to look up numbers like it.`;
  }
  return `No call pop: "${number}" is not a phone number CallPop can look up.`;
}
