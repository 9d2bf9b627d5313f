import { TextField } from '@/platform/ui/form-fields';
import { Section } from '@/platform/ui/Section';
import { useDraft } from './use-draft';
import type { SectionProps } from './use-settings';
import { checkSoftphoneUrl, checkWhole, type Checked } from './validation';

const timeoutCheck = (text: string) => checkWhole(text, 'requestTimeoutSeconds');
const trimmed = (text: string): Checked<string> => ({ ok: true, value: text.trim() });
const serverCheck = (text: string) => (text.trim() ? checkSoftphoneUrl(text) : trimmed(text));

type Field = 'url' | 'clientId' | 'appServer';

export function AdvancedSection({ settings, save }: SectionProps) {
  const useSoftphoneField = (field: Field, check: (text: string) => Checked<string>) =>
    useDraft(settings.softphone[field], check, (value) =>
      save((current) => ({ ...current, softphone: { ...current.softphone, [field]: value } })),
    );
  const softphone = useSoftphoneField('url', checkSoftphoneUrl);
  // The softphone's own RingCentral app (saved as typed: the widget URL carries it).
  const clientId = useSoftphoneField('clientId', trimmed);
  const appServer = useSoftphoneField('appServer', serverCheck);
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
        label="RingCentral app client id"
        {...clientId}
        help="Without an app of your own the RingCentral softphone shows FOR DEMO PURPOSES ONLY, and its bundled app is going away. Register a browser-based app at developers.ringcentral.com and enter its client id (and server, if not the production one) here."
        testId="softphone-client-id"
      />
      <TextField
        label="RingCentral app server"
        type="url"
        {...appServer}
        testId="softphone-app-server"
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
