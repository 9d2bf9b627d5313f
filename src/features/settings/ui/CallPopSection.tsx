import type { MultipleMatchBehavior, PopTrigger, Settings } from '../model/settings';
import { SelectField, TextField } from '@/platform/ui/form-fields';
import { Section } from '@/platform/ui/Section';
import { useDraft } from './use-draft';
import type { SectionProps } from './use-settings';
import { checkFallbackUrl } from './validation';

const TRIGGERS: { value: PopTrigger; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'ring', label: 'On first ring' },
  { value: 'answer', label: 'When answered' },
];

const MULTIPLE: { value: MultipleMatchBehavior; label: string }[] = [
  { value: 'nothing', label: 'Do nothing' },
  { value: 'openAll', label: 'Open each CRM page (up to 10; more, let me choose)' },
  { value: 'choose', label: 'Let me choose' },
];

const OPEN_WHAT = [
  { value: 'card', label: "Only CallPop's card" },
  { value: 'crm', label: "The CRM's contact page too" },
] as const;

export function CallPopSection({ settings, save }: SectionProps) {
  const { callPop } = settings;
  const setCallPop = (patch: Partial<Settings['callPop']>) =>
    save((current) => ({ ...current, callPop: { ...current.callPop, ...patch } }));
  const fallback = useDraft(callPop.fallbackUrl, checkFallbackUrl, (fallbackUrl) =>
    setCallPop({ fallbackUrl }),
  );
  return (
    <Section title="Call pop" intro="When CallPop shows the caller's contact.">
      <div className="field-grid">
        {(['inbound', 'outbound'] as const).map((way) => (
          <SelectField
            key={way}
            label={way === 'inbound' ? 'Incoming calls' : 'Outgoing calls'}
            value={callPop[way]}
            options={TRIGGERS}
            onChange={(trigger) => void setCallPop({ [way]: trigger })}
          />
        ))}
        <SelectField
          label="When several contacts match"
          value={callPop.multiple}
          options={MULTIPLE}
          onChange={(multiple) => void setCallPop({ multiple })}
        />
        <SelectField
          label="A pop opens"
          value={callPop.openCrmPage ? 'crm' : 'card'}
          options={OPEN_WHAT}
          onChange={(what) => void setCallPop({ openCrmPage: what === 'crm' })}
        />
      </div>
      <TextField
        label="Page to open when no contact matches (optional)"
        type="url"
        {...fallback}
        placeholder="https://crm.example.com/search?q={phoneNumber}"
        help="An https:// or http:// address; {phoneNumber} is replaced by the caller's number."
        testId="fallback-url"
      />
    </Section>
  );
}
