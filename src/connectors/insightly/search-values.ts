// Insightly matches stored text exactly, so we guess how the number was typed; each value costs
// four requests: the user's formats (+ E.164 for imports), else E.164, international and national.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
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
