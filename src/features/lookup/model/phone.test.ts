import { describe, expect, it } from 'vitest';
import {
  applyOverridingFormat,
  formatSlotCount,
  formatForDisplay,
  joinOverridingFormats,
  listCountries,
  normalizePhone,
  overridingFormatsFor,
  validateOverridingFormat,
  type CountryCode,
} from './phone';

const US_0102 = {
  ok: true,
  isExtension: false,
  e164: '+14155550102',
  nationalNumber: '4155550102',
  countryCallingCode: '1',
  country: 'US',
};

describe('normalizePhone: accepted numbers', () => {
  it.each<[string, string, CountryCode | undefined]>([
    ['E.164', '+14155550102', undefined],
    ['+ with spaces', '+1 415 555 0102', undefined],
    ['+ with dots, dashes and brackets', '+1 (415) 555.01-02', undefined],
    ['no + with default country', '4155550102', 'US'],
    ['national format with brackets', '(415) 555-0102', 'US'],
    ['dotted national format', '415.555.0102', 'US'],
    ['+ wins over a different default country', '+1 415 555 0102', 'GB'],
    ['00 prefix without default country', '0014155550102', undefined],
    ['00 prefix with a default country whose prefix is 011', '00 1 415 555 0102', 'US'],
    ['00 prefix with a default country whose prefix is 00', '0014155550102', 'GB'],
    ['011 prefix with US default', '011 1 415 555 0102', 'US'],
    ['leading space = lost +', ' 14155550102', undefined],
    ['leading space = lost +, not the default country', ' 14155550102', 'GB'],
    ['lost + with spaces inside', ' 1 415 555 0102', undefined],
    ['tel: URI', 'tel:+1-415-555-0102', undefined],
    ['TEL: URI with ;ext=', 'TEL:+1-415-555-0102;ext=12', undefined],
    ['tel: URI with national number', 'tel:415-555-0102', 'US'],
    ['extension suffix "ext."', '+1 415 555 0102 ext. 12', undefined],
    ['extension suffix "x"', '415 555 0102 x12', 'US'],
    ['surrounding whitespace', '  +1 415 555 0102\n', undefined],
  ])('%s: %j', (_label, input, country) => {
    expect(normalizePhone(input, country)).toEqual(US_0102);
  });

  it('falls back to the typed reading when a leading space + plus is not a possible number', () => {
    // "+4155550102" is too short for Switzerland (+41), so the US default applies.
    expect(normalizePhone(' 4155550102', 'US')).toEqual(US_0102);
  });

  it('reports other countries and calling codes', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toEqual({
      ok: true,
      isExtension: false,
      e164: '+442079460958',
      nationalNumber: '2079460958',
      countryCallingCode: '44',
      country: 'GB',
    });
    expect(normalizePhone('0044 20 7946 0958')).toMatchObject({ e164: '+442079460958' });
    expect(normalizePhone('+1 204 555 0100')).toMatchObject({ country: 'CA' });
  });

  it('accepts a possible number the metadata does not know, without a country', () => {
    const result = normalizePhone('+1 555 555 5555');
    expect(result).toEqual({
      ok: true,
      isExtension: false,
      e164: '+15555555555',
      nationalNumber: '5555555555',
      countryCallingCode: '1',
    });
    expect(result).not.toHaveProperty('country');
  });
});

describe('normalizePhone: extension numbers', () => {
  it.each([
    ['12', '12'],
    ['101', '101'],
    ['123456', '123456'],
    ['  4321 ', '4321'],
    ['tel:205', '205'],
  ])('%j is extension %j', (input, extension) => {
    expect(normalizePhone(input)).toEqual({ ok: true, isExtension: true, extension });
    expect(normalizePhone(input, 'US')).toEqual({ ok: true, isExtension: true, extension });
  });

  it.each(['1', '1234567', '+123', '12-34'])('%j is not an extension', (input) => {
    expect(normalizePhone(input, 'US')).toMatchObject({ ok: false });
  });
});

describe('normalizePhone: rejected input', () => {
  it.each<[string, string, CountryCode | undefined, string]>([
    ['empty', '', undefined, 'empty'],
    ['whitespace only', '   \t', 'US', 'empty'],
    ['no + and no default country', '4155550102', undefined, 'needsCountry'],
    ['lost + not possible, no default', ' 4155550102', undefined, 'needsCountry'],
    ['letters', 'abc', undefined, 'invalid'],
    ['vanity letters', '1-800-FLOWERS', 'US', 'invalid'],
    ['words around a number', 'call 415 555 0102', 'US', 'invalid'],
    ['unknown calling code', '+999 1234567', undefined, 'invalid'],
    ['too short', '+1 415', undefined, 'invalid'],
    ['bare plus', '+', 'US', 'invalid'],
    ['two plus signs', '++14155550102', undefined, 'invalid'],
    ['too many digits', '+1415555010212345', undefined, 'tooLong'],
    ['too many digits for the default country', '41555501021234', 'US', 'tooLong'],
    ['over-long input', `+1 415 555 0102${' '.repeat(60)}x`, undefined, 'tooLong'],
  ])('%s: %j → %s', (_label, input, country, reason) => {
    const result = normalizePhone(input, country);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message).toMatch(/^[A-Z].*\.$/);
  });

  it('tells the person how to fix a missing country', () => {
    expect(normalizePhone('4155550102')).toMatchObject({
      message:
        'Enter a phone number with its country code (e.g. +1 415 555 0100) or set a default country in Options.',
    });
  });

  it('says "too short" for a number that is too short', () => {
    const result = normalizePhone('+1 415');
    expect(result.ok ? '' : result.message).toMatch(/too short/);
  });
});

describe('applyOverridingFormat', () => {
  it.each([
    ['(###) ###-####', '4155550102', '(415) 555-0102'],
    ['+1-###-###-####', '4155550102', '+1-415-555-0102'],
    ['***.***.****', '4155550102', '415.555.0102'],
    ['#*#', '4155550102', '415'], // surplus digits dropped
    ['##########', '415-555-0102', '4155550102'], // non-digits in the number are ignored
    ['', '4155550102', ''],
  ])('%j with %s → %j', (format, national, expected) => {
    expect(applyOverridingFormat(national, format)).toBe(expected);
  });

  it.each([
    ['(###) ###-#### ##', '4155550102'],
    ['###########', '4155550102'],
    ['#### #### #### ####', '4155550102'],
    ['##########', '415555010'],
  ])('%j does not fit %s, which has fewer digits than it has placeholders', (format, national) => {
    expect(applyOverridingFormat(national, format)).toBeNull();
  });

  it('fits a number with exactly as many digits as placeholders', () => {
    expect(applyOverridingFormat('4155550102', '##########')).toBe('4155550102');
    expect(formatSlotCount('(###) ***-####')).toBe(10);
  });
});

describe('validateOverridingFormat', () => {
  it.each(['(###) ###-####', '+1-###-###-####', '*** *** ****', '#', '0#.#'])(
    '%j is valid',
    (f) => {
      expect(validateOverridingFormat(f)).toEqual({ ok: true });
    },
  );

  it.each([
    ['too long', '#'.repeat(31), /at most 30 characters/],
    ['no placeholder', '(415) 555-0102', /at least one # or \*/],
    ['empty', '', /at least one # or \*/],
    ['letters', '###-###-#### ext', /"e" is not allowed/],
    ['comma', '###,###', /"," is not allowed/],
    ['slash', '###/###', /"\/" is not allowed/],
    ['tab', '###\t###', /is not allowed/],
  ])('%s: %j is rejected', (_label, format, message) => {
    const result = validateOverridingFormat(format);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('accepts exactly 30 characters', () => {
    expect(validateOverridingFormat('#'.repeat(30))).toEqual({ ok: true });
  });
});

describe('overridingFormatsFor and joinOverridingFormats', () => {
  const national = '4155550102';

  it('applies formats in order, skipping empty and invalid ones', () => {
    const formats = [' (###) ###-#### ', '', 'abc', '###-###-####'];
    expect(overridingFormatsFor(national, formats)).toEqual(['(415) 555-0102', '415-555-0102']);
    expect(joinOverridingFormats(formats)).toBe('(###) ###-####,###-###-####');
  });

  it('uses at most three formats', () => {
    const formats = ['#', '##', '###', '####'];
    expect(overridingFormatsFor(national, formats)).toEqual(['4', '41', '415']);
    expect(joinOverridingFormats(formats)).toBe('#,##,###');
  });

  it('drops duplicate results and duplicate formats', () => {
    expect(overridingFormatsFor(national, ['###-###-####', '***-***-****'])).toEqual([
      '415-555-0102',
    ]);
    expect(joinOverridingFormats(['#', ' # ', '##'])).toBe('#,##');
  });

  it('leaves out a format the number is too short for', () => {
    const formats = ['###########', '(###) ###-####', '#### #### #### ####'];
    expect(overridingFormatsFor(national, formats)).toEqual(['(415) 555-0102']);
    expect(overridingFormatsFor(national, ['###########'])).toEqual([]);
  });

  it('returns nothing for no usable formats', () => {
    expect(overridingFormatsFor(national, [])).toEqual([]);
    expect(joinOverridingFormats(['', '  ', 'no digits'])).toBe('');
  });
});

describe('formatForDisplay', () => {
  it('formats E.164 internationally', () => {
    expect(formatForDisplay('+14155550102')).toBe('+1 415 555 0102');
    expect(formatForDisplay('+442079460958')).toBe('+44 20 7946 0958');
  });

  it('returns unparsable input unchanged', () => {
    expect(formatForDisplay('not a number')).toBe('not a number');
    expect(formatForDisplay('')).toBe('');
  });
});

describe('listCountries', () => {
  it('lists every country with a name and calling code, sorted by name', () => {
    const countries = listCountries('en');
    expect(countries.length).toBeGreaterThan(200);
    expect(countries).toContainEqual({ code: 'US', name: 'United States', callingCode: '1' });
    expect(countries).toContainEqual({ code: 'GB', name: 'United Kingdom', callingCode: '44' });
    const names = countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('names countries in the requested language', () => {
    expect(listCountries('de')).toContainEqual({
      code: 'DE',
      name: 'Deutschland',
      callingCode: '49',
    });
  });
});
