/**
 * Whether a call's other party can be looked up at all. A call that cannot is not popped: a
 * window could only say why, and the softphone window's status line says it instead.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { CallDirection } from '@/shared/messages';
import { normalizePhone } from '@/shared/phone';
import { isWithheld, withheldReason } from '@/shared/withheld';

/** null when `number` can be looked up; otherwise why the call does not pop. */
export function unusableCaller(
  number: string,
  direction: CallDirection,
  defaultCountry: string,
): string | null {
  if (isWithheld(number)) return withheldReason(direction);
  const parsed = normalizePhone(number, (defaultCountry || undefined) as CountryCode | undefined);
  if (parsed.ok) return null;
  if (parsed.reason === 'needsCountry') {
    return `No call pop: ${number} has no country code. Set your default country in Options to look up numbers like it.`;
  }
  return `No call pop: "${number}" is not a phone number CallPop can look up.`;
}
