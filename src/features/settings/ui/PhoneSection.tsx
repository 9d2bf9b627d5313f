import { useMemo } from 'react';
import {
  applyOverridingFormat,
  formatSlotCount,
  listCountries,
  validateOverridingFormat,
} from '@/features/lookup/model/phone';
import { SETTING_LIMITS } from '../model/settings';
import { browserCountry, withAccountCountry } from '../model/default-country';
import { CheckboxField, SelectField, TextField } from '@/platform/ui/form-fields';
import { sampleNumberFor, type SampleNumber } from './sample-number';
import { Section } from '@/platform/ui/Section';
import { useDraft } from './use-draft';
import type { SectionProps } from './use-settings';
import type { Checked } from './validation';

const SLOTS = Array.from({ length: SETTING_LIMITS.overridingFormats }, (_, index) => index);

function checkFormat(text: string): Checked<string> {
  const format = text.trim();
  if (format === '') return { ok: true, value: '' };
  const checked = validateOverridingFormat(format);
  return checked.ok ? { ok: true, value: format } : checked;
}

// Stored as typed, blanks included, so each format stays in its field; lookups skip blanks and
// repeats. Blanks at the end are left out.
function withFormat(formats: readonly string[], slot: number, format: string): string[] {
  const next = SLOTS.map((index) => (index === slot ? format : (formats[index] ?? '')));
  while (next.at(-1) === '') next.pop();
  return next;
}

function FormatField(props: SectionProps & { slot: number; sample: SampleNumber }) {
  const { slot, settings, save, sample } = props;
  const formats = settings.overridingFormats;
  const draft = useDraft(formats[slot] ?? '', checkFormat, (format) =>
    save((current) => ({
      ...current,
      overridingFormats: withFormat(current.overridingFormats, slot, format),
    })),
  );
  const format = draft.value.trim();
  const valid = format !== '' && !draft.error;
  const repeats = valid ? formats.slice(0, slot).findIndex((other) => other.trim() === format) : -1;
  const example = valid ? applyOverridingFormat(sample.nationalNumber, format) : null;
  return (
    <div className="format-row">
      <TextField
        label={`Format ${slot + 1}`}
        {...draft}
        placeholder={slot === 0 ? '(###) ###-####' : ''}
        testId={`format-${slot + 1}`}
      />
      <p className="format-example" aria-live="polite" data-testid={`format-example-${slot + 1}`}>
        {repeats !== -1 ? (
          `Same as format ${repeats + 1}, so it is looked up once.`
        ) : example ? (
          <>
            {sample.international} is looked up as <output>{example}</output>
          </>
        ) : valid ? (
          `This format has ${formatSlotCount(format)} # or * but ${sample.international} has ${sample.nationalNumber.length} digits without its country code, so the format does not fit it: numbers shorter than the format are not looked up with it.`
        ) : format === '' ? (
          'Not used.'
        ) : null}
      </p>
    </div>
  );
}

/** The country for numbers typed without a country code; unset, the browser's region applies. */
export function CountrySection({ settings, save }: SectionProps) {
  const countries = useMemo(() => {
    const list = listCountries();
    const browser = list.find((c) => c.code === browserCountry());
    const automatic = browser
      ? `${browser.name} (+${browser.callingCode}), your browser's region`
      : 'None: numbers need their country code';
    const options = list.map((c) => ({ value: c.code, label: `${c.name} (+${c.callingCode})` }));
    return [{ value: '', label: automatic }, ...options];
  }, []);
  const { accountCountry } = settings.softphone;
  return (
    <Section title="Your country">
      <SelectField
        label="Default country"
        help="Used for numbers that arrive without a country code."
        value={settings.defaultCountry}
        options={countries}
        testId="default-country"
        onChange={(defaultCountry) => void save((current) => ({ ...current, defaultCountry }))}
      />
      {accountCountry && !settings.defaultCountry ? (
        <p className="field-help" data-testid="account-country">
          No default country is set: numbers without a country code use your RingCentral account's
          country, {accountCountry}.
        </p>
      ) : null}
    </Section>
  );
}

export function PhoneSection({ settings, save }: SectionProps) {
  const sample = sampleNumberFor(withAccountCountry(settings).defaultCountry);
  return (
    <Section title="Phone numbers">
      <fieldset className="formats">
        <legend>Overriding formats</legend>
        <p className="field-help">
          For CRMs that only find a number written exactly as stored. Each # or * takes the next
          digit of the national number; a number with fewer digits than a format has # or * is not
          looked up with that format. Up to {SETTING_LIMITS.overridingFormats}.
        </p>
        <p className="field-help" data-testid="formats-insightly-note">
          On Insightly, setting any format replaces the spellings searched by default (such as
          +1&nbsp;415&nbsp;555&nbsp;0102 and (415)&nbsp;555-0102): only your formats and the
          +14155550102 form are searched. Add a format for each way your team types numbers.
        </p>
        {SLOTS.map((slot) => (
          <FormatField key={slot} slot={slot} settings={settings} save={save} sample={sample} />
        ))}
      </fieldset>
      <CheckboxField
        label="Look up internal extension numbers"
        help="Short numbers such as 101 are searched in the CRM instead of ignored."
        checked={settings.extensionLookup}
        testId="extension-lookup"
        onChange={(extensionLookup) => void save((current) => ({ ...current, extensionLookup }))}
      />
    </Section>
  );
}
