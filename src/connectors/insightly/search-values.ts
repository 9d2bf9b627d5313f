// Insightly matches stored text exactly, so we guess how the number was typed: the user's formats,
// else international and national; E.164 too in PHONE, where CallPop's creates and imports put it.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { normalizePhone, overridingFormatsFor } from '@/features/lookup/model/phone';

export interface SearchValues {
  /** Spellings people type, searched in every phone field. */
  typed: string[];
  /** Searched in PHONE only; null when the number has no E.164 form. */
  e164: string | null;
}

export function insightlySearchValues(phoneNumber: string, overridingFormat: string): SearchValues {
  const parsed = normalizePhone(phoneNumber);
  if (!parsed.ok || parsed.isExtension) {
    const raw = phoneNumber.trim();
    if (raw === '') throw new Error('Enter a phone number to look up.');
    return { typed: [raw], e164: null };
  }
  const formats = (overridingFormat ?? '').split(',');
  const formatted = overridingFormatsFor(parsed.nationalNumber, formats);
  if (formatted.length > 0) return { typed: formatted, e164: parsed.e164 };
  const phone = parsePhoneNumberFromString(parsed.e164);
  const values = [phone?.formatInternational(), phone?.formatNational()];
  const typed = values.filter((v): v is string => typeof v === 'string' && v !== '');
  return { typed: [...new Set(typed)], e164: parsed.e164 };
}
