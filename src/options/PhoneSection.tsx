import { useMemo } from 'react';
import { applyOverridingFormat, listCountries, validateOverridingFormat } from '@/shared/phone';
import { SETTING_LIMITS, type Settings } from '@/shared/settings';
import { CheckboxField, SelectField, TextField } from '@/shared/ui/form-fields';
import { sampleNumberFor, type SampleNumber } from './sample-number';
import { Section } from './Section';
import { useDraft } from './use-draft';
import type { Checked } from './validation';

interface Props {
  settings: Settings;
  save: (change: (current: Settings) => Settings) => void;
}

const SLOTS = Array.from({ length: SETTING_LIMITS.overridingFormats }, (_, index) => index);

function checkFormat(text: string): Checked<string> {
  const format = text.trim();
  if (format === '') return { ok: true, value: '' };
  const checked = validateOverridingFormat(format);
  return checked.ok ? { ok: true, value: format } : checked;
}

const identity = (text: string): string => text;

function FormatField(props: Props & { slot: number; sample: SampleNumber }) {
  const { slot, sample, save } = props;
  const draft = useDraft(
    props.settings.overridingFormats[slot] ?? '',
    identity,
    checkFormat,
    (value) =>
      save((current) => {
        const slots = SLOTS.map((index) => current.overridingFormats[index] ?? '');
        slots[slot] = value;
        return { ...current, overridingFormats: slots.filter((format) => format !== '') };
      }),
  );
  const format = draft.text.trim();
  const example =
    format !== '' && !draft.error ? applyOverridingFormat(sample.nationalNumber, format) : null;
  return (
    <div className="format-row">
      <TextField
        label={`Format ${slot + 1}`}
        value={draft.text}
        onChange={draft.onChange}
        onBlur={draft.onBlur}
        error={draft.error}
        placeholder={slot === 0 ? '(###) ###-####' : ''}
        testId={`format-${slot + 1}`}
      />
      <p className="format-example" aria-live="polite" data-testid={`format-example-${slot + 1}`}>
        {example ? (
          <>
            {sample.international} is looked up as <output>{example}</output>
          </>
        ) : format === '' ? (
          'Not used.'
        ) : null}
      </p>
    </div>
  );
}

export function PhoneSection(props: Props) {
  const { settings, save } = props;
  const countries = useMemo(
    () => [
      { value: '', label: 'None: numbers need their country code' },
      ...listCountries().map((c) => ({
        value: c.code,
        label: `${c.name} (+${c.callingCode})`,
      })),
    ],
    [],
  );
  const sample = sampleNumberFor(settings.defaultCountry);
  return (
    <Section title="Phone numbers">
      <SelectField
        label="Default country"
        help="Used for numbers that arrive without a country code."
        value={settings.defaultCountry}
        options={countries}
        testId="default-country"
        onChange={(defaultCountry) => save((current) => ({ ...current, defaultCountry }))}
      />
      <fieldset className="formats">
        <legend>Overriding formats</legend>
        <p className="field-help">
          For CRMs that only find a number written exactly as stored. Each # or * takes the next
          digit of the national number. Up to {SETTING_LIMITS.overridingFormats}.
        </p>
        {SLOTS.map((slot) => (
          <FormatField key={slot} {...props} slot={slot} sample={sample} />
        ))}
      </fieldset>
      <CheckboxField
        label="Look up internal extension numbers"
        help="Short numbers such as 101 are searched in the CRM instead of ignored."
        checked={settings.extensionLookup}
        testId="extension-lookup"
        onChange={(extensionLookup) => save((current) => ({ ...current, extensionLookup }))}
      />
    </Section>
  );
}
