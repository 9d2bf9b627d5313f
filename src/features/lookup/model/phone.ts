// `/min` metadata (19 KB gzip, against 39 for `/max`): acceptance is length-based (`isPossible`),
// which is all `/min` knows, so a range the metadata does not know yet is still looked up.
import {
  getCountries,
  getCountryCallingCode,
  parseIncompletePhoneNumber,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/min';

export type { CountryCode };

type PhoneFailureReason = 'empty' | 'invalid' | 'needsCountry' | 'tooLong';

type PhoneResult =
  | {
      ok: true;
      isExtension: false;
      e164: string;
      nationalNumber: string;
      countryCallingCode: string;
      country?: CountryCode;
    }
  | { ok: true; isExtension: true; extension: string }
  | { ok: false; reason: PhoneFailureReason; message: string };

/** Longest input we try to read: a 15-digit number, formatting and an extension fit easily. */
export const MAX_PHONE_INPUT_LENGTH = 64;

/** Internal extension numbers: 2–6 bare digits. Real numbers always have more digits. */
const EXTENSION = /^\d{2,6}$/;

// `+` in a query string decodes to a space; exactly one leading space counts, as connectors do
// (`phoneNumber.replace(' ', '+')`).
const LOST_PLUS = /^ \d/;

// libphonenumber applies only the given country's prefix (US: `011`); Germany's is exactly `00`,
// so parsing with it reads "0044…" as "+44…" whatever the default country.
const IDD_00_COUNTRY: CountryCode = 'DE';

const MESSAGES: Record<PhoneFailureReason, string> = {
  empty: 'Enter a phone number.',
  invalid:
    'That does not look like a phone number. Use digits with spaces, dots, dashes or brackets, for example +1 415 555 0100.',
  needsCountry:
    'Enter a phone number with its country code (e.g. +1 415 555 0100) or set a default country in Options.',
  tooLong: 'That phone number is too long. Check that only one number was entered.',
};

const TOO_SHORT_MESSAGE =
  'That phone number is too short. Enter the full number, for example +1 415 555 0100.';

function fail(reason: PhoneFailureReason, message = MESSAGES[reason]): PhoneResult {
  return { ok: false, reason, message };
}

type Reading = { text: string; country?: CountryCode };

/** The ways to read `text`, most likely first. */
function readings(text: string, input: string, defaultCountry?: CountryCode): Reading[] {
  if (parseIncompletePhoneNumber(text).startsWith('+')) return [{ text }];
  const list: Reading[] = [];
  if (LOST_PLUS.test(input)) list.push({ text: `+${text}` });
  if (defaultCountry) list.push({ text, country: defaultCountry });
  if (parseIncompletePhoneNumber(text).startsWith('00')) {
    list.push({ text, country: IDD_00_COUNTRY });
  }
  return list;
}

function parsed(reading: Reading): PhoneResult | null {
  // extract: false makes the whole string the number, so stray letters or words are rejected.
  const phone = parsePhoneNumberFromString(reading.text, {
    defaultCountry: reading.country,
    extract: false,
  });
  if (!phone?.isPossible()) return null;
  return {
    ok: true,
    isExtension: false,
    e164: phone.number,
    nationalNumber: phone.nationalNumber,
    countryCallingCode: phone.countryCallingCode,
    ...(phone.country ? { country: phone.country } : {}),
  };
}

/** Explains the failure of the most natural reading: as typed, with the default country. */
function unreadable(text: string, defaultCountry?: CountryCode): PhoneResult {
  const hasPlus = parseIncompletePhoneNumber(text).startsWith('+');
  const problem = validatePhoneNumberLength(text, hasPlus ? undefined : defaultCountry);
  if (problem === 'TOO_LONG') return fail('tooLong');
  if (problem === 'INVALID_COUNTRY' && !hasPlus && !defaultCountry) return fail('needsCountry');
  return fail('invalid', problem === 'TOO_SHORT' ? TOO_SHORT_MESSAGE : MESSAGES.invalid);
}

export function normalizePhone(input: string, defaultCountry?: CountryCode): PhoneResult {
  const trimmed = typeof input === 'string' ? input.trim() : '';
  if (trimmed === '') return fail('empty');
  if (trimmed.length > MAX_PHONE_INPUT_LENGTH) return fail('tooLong');

  // libphonenumber only honours the RFC 3966 `tel:` scheme together with `;phone-context=`,
  // so drop the scheme and let the strict parser read the rest (it knows `;ext=`).
  const text = trimmed.replace(/^tel:/i, '').trim();
  if (EXTENSION.test(text)) return { ok: true, isExtension: true, extension: text };
  for (const reading of readings(text, input, defaultCountry)) {
    const phone = parsed(reading);
    if (phone) return phone;
  }
  return unreadable(text, defaultCountry);
}

const PLACEHOLDER = /[#*]/;
const PLACEHOLDERS = /[#*]/g;
const MAX_FORMAT_LENGTH = 30;
const MAX_FORMATS = 3;

/** How many digits a format takes: its `#` and `*` placeholders. */
export function formatSlotCount(format: string): number {
  return format.match(PLACEHOLDERS)?.length ?? 0;
}

// Surplus digits are dropped (CRMs search for exactly the format's shape); too few digits give
// null, never a half-filled `4155550102#` that no contact is stored as.
export function applyOverridingFormat(nationalNumber: string, format: string): string | null {
  const digits = nationalNumber.replace(/\D/g, '');
  if (digits.length < formatSlotCount(format)) return null;
  let next = 0;
  return format.replace(PLACEHOLDERS, () => digits.charAt(next++));
}

export function validateOverridingFormat(
  format: string,
): { ok: true } | { ok: false; message: string } {
  const bad = /[^0-9#* +\-().]/.exec(format);
  const message =
    format.length > MAX_FORMAT_LENGTH
      ? `A format can be at most ${MAX_FORMAT_LENGTH} characters long.`
      : bad
        ? `"${bad[0]}" is not allowed. Use only digits, # or *, spaces and + - ( ) .`
        : !PLACEHOLDER.test(format) && 'Add at least one # or * where a digit of the number goes.';
  return message ? { ok: false, message } : { ok: true };
}

/** Trimmed, non-empty, valid, distinct formats; at most three (the settings offer three slots). */
function usableFormats(formats: readonly string[]): string[] {
  const usable: string[] = [];
  for (const raw of formats) {
    const format = raw.trim();
    if (format === '' || !validateOverridingFormat(format).ok || usable.includes(format)) continue;
    usable.push(format);
    if (usable.length === MAX_FORMATS) break;
  }
  return usable;
}

/** The number in each usable format that fits it, in order, without duplicates. */
export function overridingFormatsFor(nationalNumber: string, formats: readonly string[]): string[] {
  const results = usableFormats(formats)
    .map((f) => applyOverridingFormat(nationalNumber, f))
    .filter((written): written is string => written !== null);
  return [...new Set(results)];
}

// Invalid formats are dropped: one with a comma would split into bogus formats in the connector.
export function joinOverridingFormats(formats: readonly string[]): string {
  return usableFormats(formats).join(',');
}

/** International format for display (`+1 415 555 0102`); the input unchanged if unparsable. */
export function formatForDisplay(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** Countries for the default-country picker, sorted by their name in `locale`. */
export function listCountries(locale?: string) {
  const names = new Intl.DisplayNames(locale, { type: 'region' });
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return getCountries()
    .map((code) => ({
      code,
      name: names.of(code) ?? code,
      callingCode: getCountryCallingCode(code),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}
