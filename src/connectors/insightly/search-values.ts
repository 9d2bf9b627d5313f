/**
 * Insightly search matches the stored text exactly, so a lookup must guess how the number was
 * typed. Every value costs four requests (contact PHONE and PHONE_MOBILE, lead PHONE and
 * MOBILE), so the set is small:
 * - with overriding formats: the user's formats (they know how their team types numbers),
 *   plus E.164 for numbers written by integrations and imports;
 * - without: E.164, international (`+1 415 555 0144`) and national (`(415) 555-0144`), the
 *   forms phones, signatures and Insightly's own imports usually carry.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizePhone, overridingFormatsFor } from '@/features/lookup/model/phone';

export function insightlySearchValues(phoneNumber: string, overridingFormat: string): string[] {
  const parsed = normalizePhone(phoneNumber);
  if (!parsed.ok || parsed.isExtension) {
    const raw = phoneNumber.trim();
    if (raw === '') throw new Error('Enter a phone number to look up.');
    return [raw];
  }
  const formats = (overridingFormat ?? '').split(',');
  const formatted = overridingFormatsFor(parsed.nationalNumber, formats);
  if (formatted.length > 0) return [...new Set([...formatted, parsed.e164])];
  const phone = parsePhoneNumberFromString(parsed.e164);
  const values = [parsed.e164, phone?.formatInternational(), phone?.formatNational()];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}
