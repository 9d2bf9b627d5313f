/** The number the format examples are shown with: +1 415 555 0102, or one of the chosen country. */
import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

const DEFAULT_SAMPLE = { international: '+1 415 555 0102', nationalNumber: '4155550102' };
export type SampleNumber = typeof DEFAULT_SAMPLE;

export function sampleNumberFor(country: string): SampleNumber {
  if (country === '' || country === 'US') return DEFAULT_SAMPLE;
  const example = getExampleNumber(country as CountryCode, examples);
  if (!example) return DEFAULT_SAMPLE;
  return { international: example.formatInternational(), nationalNumber: example.nationalNumber };
}
