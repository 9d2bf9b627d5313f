import type { Settings } from '@/shared/settings';
import { TextField } from '@/shared/ui/form-fields';
import { DebugToggle } from './CallPopSection';
import { DebugTraces } from './DebugTraces';
import { Section } from './Section';
import { useDraft } from './use-draft';
import type { Save } from './use-settings';
import { checkSoftphoneUrl } from './validation';

interface Props {
  settings: Settings;
  save: Save;
}

const asText = (text: string): string => text;

export function AdvancedSection({ settings, save }: Props) {
  const softphone = useDraft(settings.softphone.url, asText, checkSoftphoneUrl, (url) =>
    save((current) => ({ ...current, softphone: { ...current.softphone, url } })),
  );
  return (
    <Section title="Softphone and debugging">
      <TextField
        label="Softphone address"
        type="url"
        value={softphone.text}
        onChange={softphone.onChange}
        onBlur={softphone.onBlur}
        error={softphone.error}
        help="An https:// page; http:// only for localhost or 127.0.0.1 during development."
        testId="softphone-url"
      />
      <DebugToggle settings={settings} save={save} />
      {settings.debug ? <DebugTraces /> : null}
    </Section>
  );
}
