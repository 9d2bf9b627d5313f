import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/mobile/examples';
import full from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { withLastLeadingDigitsOnly } from './phone-metadata';

const given = JSON.stringify(full);
const trimmed = withLastLeadingDigitsOnly(full);

/** Everything the app asks of a number, read with `metadata`. */
function reading(text: string, country: CountryCode | undefined, metadata: MetadataJson) {
  const phone = parsePhoneNumberFromString(
    text,
    { defaultCountry: country, extract: false },
    metadata,
  );
  return [
    phone?.number,
    phone?.country,
    phone?.isPossible(),
    phone?.formatNational(),
    phone?.formatInternational(),
    validatePhoneNumberLength(text, { defaultCountry: country }, metadata),
  ];
}

/** Seeded, so a failure names the same numbers on every run. */
function digits(seed: number) {
  let state = seed;
  return (count: number) => {
    let out = '';
    for (let i = 0; i < count; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      out += String(state % 10);
    }
    return out;
  };
}

describe('withLastLeadingDigitsOnly', () => {
  it('makes the worker metadata smaller', () => {
    expect(JSON.stringify(trimmed).length).toBeLessThan(JSON.stringify(full).length - 5000);
  });

  it("reads and formats every country's example number as the full metadata does", () => {
    for (const [country, national] of Object.entries(examples) as [CountryCode, string][]) {
      expect(reading(national, country, trimmed), country).toEqual(
        reading(national, country, full),
      );
    }
  });

  // About 40,000 readings: one comparison at the end, and room for a loaded machine.
  it(
    'reads and formats random numbers under every calling code as the full metadata does',
    {
      timeout: 120_000,
    },
    () => {
      const next = digits(7);
      const callingCodes = Object.keys(full.country_calling_codes);
      const texts: string[] = [];
      for (const code of [...callingCodes, ...Object.keys(full.nonGeographic)]) {
        for (let length = 4; length <= 13; length++) {
          for (let i = 0; i < 8; i++) texts.push(`+${code}${next(length)}`);
        }
      }
      const differing = texts.filter(
        (text) =>
          JSON.stringify(reading(text, undefined, trimmed)) !==
          JSON.stringify(reading(text, undefined, full)),
      );
      expect(differing).toEqual([]);
    },
  );

  it('leaves the metadata it is given unchanged', () => {
    expect(JSON.stringify(full)).toBe(given);
  });

  it('refuses a metadata layout it does not know', () => {
    expect(() => withLastLeadingDigitsOnly({ ...full, version: 5 })).toThrow('metadata v5');
  });
});
