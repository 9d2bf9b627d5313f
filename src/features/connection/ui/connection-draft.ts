// Generic connector fields to a `ConnectionDraft`: every connector declares its address as the
// `hostname` field and its secret as a password field.
import { checkAddress, inSentence, type ConnectionDraft } from '../model/connection';
import type { ConnectorInfo } from '@/platform/messages';

/** What the CRM calls its secret ("API token", "API key"). */
export const secretLabelOf = (connector: ConnectorInfo | undefined) =>
  connector?.settings.find((f) => f.type === 'password')?.label ?? 'key';

type DraftResult =
  { ok: true; draft: ConnectionDraft } | { ok: false; errors: Record<string, string> };

export function buildDraft(connector: ConnectorInfo, values: Record<string, string>): DraftResult {
  const errors: Record<string, string> = {};
  let hostname = '';
  let secret = '';
  for (const field of connector.settings) {
    const raw = values[field.id] ?? '';
    if (field.id === 'hostname') {
      const checked = checkAddress(field, raw, connector.displayName);
      if (checked.ok) hostname = checked.value;
      else errors[field.id] = checked.message;
    } else if (raw.trim() === '' && field.required) {
      errors[field.id] = `Enter the ${inSentence(field.label, connector.displayName)}.`;
    } else if (field.type === 'password') {
      secret = raw.trim();
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const credentials = connector.authKinds.includes('apiKey')
    ? ({ kind: 'apiKey', apiKey: secret } as const)
    : ({ kind: 'apiToken', token: secret } as const);
  return { ok: true, draft: { platform: connector.name, hostname, credentials } };
}
