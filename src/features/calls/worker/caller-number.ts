/** A call with no number to look up is not popped: the softphone's status line says why instead. */
import type { CountryCode } from 'libphonenumber-js';
import { getConnector } from '@/connectors';
import type { CallDirection } from '@/platform/messages';
import { normalizePhone } from '@/features/lookup/model/phone';
import type { Settings } from '@/features/settings/model/settings';
import { connectionItem } from '@/platform/storage/keys';
import { isWithheld, withheldReason } from '../model/withheld';

const E164_SHAPE = /^\+[1-9]\d{6,14}$/;

/** null when `number` can be looked up; otherwise why the call does not pop. */
export async function unusableCaller(
  number: string,
  direction: CallDirection,
  settings: Pick<Settings, 'defaultCountry' | 'extensionLookup'>,
): Promise<string | null> {
  if (isWithheld(number)) return withheldReason(direction);
  // The usual caller id skips the phone library, whose first use delays the window by ~2 ms.
  if (E164_SHAPE.test(number)) return null;
  const country = (settings.defaultCountry || undefined) as CountryCode | undefined;
  const parsed = normalizePhone(number, country);
  if (parsed.ok && parsed.isExtension) {
    if (!settings.extensionLookup) {
      return `No call pop: an internal call (extension ${parsed.extension}). To look extensions up, turn on "Look up internal extension numbers" in Options.`;
    }
    const connection = await connectionItem.get();
    const manifest = connection && getConnector(connection.platform).manifest;
    return manifest && !manifest.searchesExtensions
      ? `No call pop: an internal call (extension ${parsed.extension}), and ${manifest.displayName} cannot look up extensions.`
      : null;
  }
  if (parsed.ok) return null;
  if (parsed.reason === 'needsCountry') {
    return `No call pop: ${number} has no country code. Set your default country in Options to look up numbers like it.`;
  }
  return `No call pop: "${number}" is not a phone number CallPop can look up.`;
}
