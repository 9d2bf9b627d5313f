import { TextField } from '@/platform/ui/form-fields';
import { Section } from '@/platform/ui/Section';
import { useDraft } from './use-draft';
import type { SectionProps } from './use-settings';
import { checkSoftphoneUrl, checkWhole } from './validation';

const timeoutCheck = (text: string) => checkWhole(text, 'requestTimeoutSeconds');

export function AdvancedSection({ settings, save }: SectionProps) {
  const softphone = useDraft(settings.softphone.url, checkSoftphoneUrl, (url) =>
    save((current) => ({ ...current, softphone: { ...current.softphone, url } })),
  );
  const timeout = useDraft(settings.requestTimeoutSeconds, timeoutCheck, (seconds) =>
    save((current) => ({ ...current, requestTimeoutSeconds: seconds })),
  );
  return (
    <Section title="Softphone and CRM requests">
      <TextField
        label="Softphone address"
        type="url"
        {...softphone}
        help="An https:// page; http:// only for localhost or 127.0.0.1 during development."
        testId="softphone-url"
      />
      <TextField
        label="Wait for the CRM for (seconds)"
        inputMode="numeric"
        {...timeout}
        help="A CRM request taking longer is stopped and reported as not answering. Raise it for a slow CRM or connection."
        testId="request-timeout"
      />
    </Section>
  );
}
