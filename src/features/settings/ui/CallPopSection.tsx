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

const OPEN_WHAT: { value: 'crm' | 'card'; label: string }[] = [
  { value: 'card', label: "Only CallPop's card" },
  { value: 'crm', label: "The CRM's contact page too" },
];

export function CallPopSection({ settings, save }: SectionProps) {
  const setCallPop = (patch: Partial<Settings['callPop']>) =>
    save((current) => ({ ...current, callPop: { ...current.callPop, ...patch } }));
  const fallback = useDraft(settings.callPop.fallbackUrl, checkFallbackUrl, (fallbackUrl) =>
    setCallPop({ fallbackUrl }),
  );
  return (
    <Section title="Call pop" intro="When CallPop shows the caller's contact.">
      <div className="field-grid">
        <SelectField
          label="Incoming calls"
          value={settings.callPop.inbound}
          options={TRIGGERS}
          testId="pop-inbound"
          onChange={(inbound) => void setCallPop({ inbound })}
        />
        <SelectField
          label="Outgoing calls"
          value={settings.callPop.outbound}
          options={TRIGGERS}
          testId="pop-outbound"
          onChange={(outbound) => void setCallPop({ outbound })}
        />
        <SelectField
          label="When several contacts match"
          value={settings.callPop.multiple}
          options={MULTIPLE}
          testId="pop-multiple"
          onChange={(multiple) => void setCallPop({ multiple })}
        />
        <SelectField
          label="A pop opens"
          value={settings.callPop.openCrmPage ? 'crm' : 'card'}
          options={OPEN_WHAT}
          testId="pop-opens"
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
