// Generic connector fields to a `ConnectionDraft`: every connector declares its address as the
// `hostname` field and its secret as a password field.
import { isSafeCrmUrl, webUrl, withoutApiVersion, type ConnectionDraft } from '../model/connection';
import type { ConnectorInfo } from '@/platform/messages';

type Field = ConnectorInfo['settings'][number];

export const isAddressField = (field: Field) => field.id === 'hostname';

/** What the CRM calls its secret ("API token", "API key"). */
export const secretLabelOf = (connector: ConnectorInfo | undefined) =>
  connector?.settings.find((f) => f.type === 'password')?.label ?? 'key';

/** "Company domain" reads "company domain" mid-sentence; "API token" and "Pipedrive domain"
 * (the CRM's name) stay as they are. */
function inSentence(label: string, crm: string): string {
  if (label.startsWith(crm) || !/^[A-Z][a-z]/.test(label)) return label;
  return label[0]!.toLowerCase() + label.slice(1);
}

const ON_THIS_MACHINE = 'a CRM on this machine (localhost or 127.0.0.1)';

const no = (message: string): { ok: false; message: string } => ({ ok: false, message });

const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

/** A bare host or https origin (http only on loopback), API version dropped as the worker does;
 * `label` as it reads mid-sentence. */
export function checkHostname(
  input: string,
  label: string,
  example = 'crm.example.com',
): { ok: true; value: string } | { ok: false; message: string } {
  const text = withoutApiVersion(input.trim());
  if (text === '') return no(`Enter the ${label}.`);
  const badCharacters = no(
    `That ${label} has characters an address cannot have. Enter it like ${example}.`,
  );
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return HOST.test(text) ? { ok: true, value: text.toLowerCase() } : badCharacters;
  }
  if (!/^https?:/i.test(text)) {
    return no(`Use an https:// address (plain http:// only for ${ON_THIS_MACHINE}).`);
  }
  const url = webUrl(text);
  if (!url) return badCharacters;
  // Plain http would send the API token unencrypted: only over loopback, where it never
  // leaves this machine.
  if (!isSafeCrmUrl(url)) {
    return no(
      `Use https://${url.host}. Plain http:// would send your credentials unencrypted, so it works only for ${ON_THIS_MACHINE}.`,
    );
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return no(
      `Enter only the address of the CRM, like ${url.origin}, without a path or anything after it.`,
    );
  }
  return { ok: true, value: url.origin };
}

type DraftResult =
  { ok: true; draft: ConnectionDraft } | { ok: false; errors: Record<string, string> };

export function buildDraft(connector: ConnectorInfo, values: Record<string, string>): DraftResult {
  const errors: Record<string, string> = {};
  let hostname = '';
  let secret = '';
  for (const field of connector.settings) {
    const raw = values[field.id] ?? '';
    const label = inSentence(field.label, connector.displayName);
    if (isAddressField(field)) {
      // An optional address left blank is the one its placeholder shows (HubSpot's API); the
      // placeholder, e.g. `https://api.na1.insightly.com`, is also the example.
      const example = field.placeholder?.trim() || undefined;
      const blank = raw.trim() === '' && !field.required;
      const checked = checkHostname(blank ? (example ?? '') : raw, label, example);
      if (checked.ok) hostname = checked.value;
      else errors[field.id] = checked.message;
    } else if (raw.trim() === '' && field.required) {
      errors[field.id] = `Enter the ${label}.`;
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
