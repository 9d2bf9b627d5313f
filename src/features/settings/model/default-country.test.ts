import { describe, expect, it, vi } from 'vitest';
import { browserCountry, withAccountCountry } from './default-country';
import { DEFAULT_SETTINGS } from './settings';

describe('the default country', () => {
  it("is the browser language's region, when libphonenumber knows it", () => {
    expect(browserCountry('en-US')).toBe('US');
    expect(browserCountry('de-AT')).toBe('AT');
    expect(browserCountry('fr')).toBe('FR'); // a language alone: its likely region
    expect(browserCountry('en-001')).toBe(''); // "world": no country
    expect(browserCountry('not a tag')).toBe('');
  });

  it("is the one set, else the softphone account's, else the browser's", () => {
    vi.stubGlobal('navigator', { language: 'en-GB' });
    const softphone = { ...DEFAULT_SETTINGS.softphone, accountCountry: 'CA' };
    expect(withAccountCountry(DEFAULT_SETTINGS).defaultCountry).toBe('GB');
    expect(withAccountCountry({ ...DEFAULT_SETTINGS, softphone }).defaultCountry).toBe('CA');
    const chosen = { ...DEFAULT_SETTINGS, softphone, defaultCountry: 'DE' };
    expect(withAccountCountry(chosen).defaultCountry).toBe('DE');
    vi.unstubAllGlobals();
  });
});
