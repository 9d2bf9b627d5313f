// Apart from settings.ts, which every page loads (storage/keys.ts): the phone metadata it needs
// would load with the call window too.
import { isSupportedCountry } from 'libphonenumber-js/min';
import type { Settings } from './settings';

/** The region of the browser's language (en-US: US; en alone: its likely region), or ''. */
export function browserCountry(language = globalThis.navigator?.language ?? ''): string {
  try {
    const region = new Intl.Locale(language).maximize().region ?? '';
    return isSupportedCountry(region) ? region : '';
  } catch {
    return ''; // not a language tag
  }
}

/** The settings as lookups use them: without a default country, the softphone account's, else
 * the browser's, so a number typed as people write it locally is found with nothing set. */
export const withAccountCountry = (settings: Settings): Settings => ({
  ...settings,
  defaultCountry: settings.defaultCountry || settings.softphone.accountCountry || browserCountry(),
});
