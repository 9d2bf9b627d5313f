// Generic connector fields to a `ConnectionDraft`, so a CRM added later needs no change here.
import {
  isOneHost,
  isSafeCrmUrl,
  type ConnectionDraft,
  type Credentials,
} from '../model/connection';
import { withoutApiVersion } from '../model/api-version';
import type { ConnectorInfo } from '@/platform/messages';

type Field = ConnectorInfo['settings'][number];
type FieldRole = 'hostname' | 'secret' | 'other';

export function fieldRole(field: Field): FieldRole {
  if (field.type === 'password') return 'secret';
  if (field.type === 'url' || /host|domain|url|server|instance/i.test(field.id)) return 'hostname';
  return 'other';
}

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
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return no(`That ${label} is not a valid address.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return no(`Use an https:// address (plain http:// only for ${ON_THIS_MACHINE}).`);
    }
    if (!isOneHost(url)) {
      return no(`That ${label} has characters an address cannot have. Enter it like ${example}.`);
    }
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
  if (!HOST.test(text)) {
    return no(`That ${label} has characters an address cannot have. Enter it like ${example}.`);
  }
  return { ok: true, value: text.toLowerCase() };
}

function credentialsFor(connector: ConnectorInfo, secret: string): Credentials | null {
  if (connector.authKinds.includes('apiToken')) return { kind: 'apiToken', token: secret };
  if (connector.authKinds.includes('apiKey')) return { kind: 'apiKey', apiKey: secret };
  return null;
}

type DraftResult =
  | { ok: true; draft: ConnectionDraft }
  | { ok: false; errors: Record<string, string>; message?: string };

// An optional address left blank is the one its placeholder shows (HubSpot's API); the
// placeholder, e.g. `https://api.na1.insightly.com`, is also the example.
function checkAddress(field: Field, raw: string, crm: string) {
  const example = field.placeholder?.trim() || undefined;
  return checkHostname(
    raw.trim() === '' && !field.required ? (example ?? '') : raw,
    inSentence(field.label, crm),
    example,
  );
}

export function buildDraft(connector: ConnectorInfo, values: Record<string, string>): DraftResult {
  const errors: Record<string, string> = {};
  let hostname: string | null = null;
  let secret: string | null = null;
  for (const field of connector.settings) {
    const raw = values[field.id] ?? '';
    const role = fieldRole(field);
    if (role === 'hostname') {
      const checked = checkAddress(field, raw, connector.displayName);
      if (checked.ok) hostname = checked.value;
      else errors[field.id] = checked.message;
    } else if (raw.trim() === '' && field.required) {
      errors[field.id] = `Enter the ${inSentence(field.label, connector.displayName)}.`;
    } else if (role === 'secret') {
      secret = raw.trim();
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const credentials = secret === null ? null : credentialsFor(connector, secret);
  if (hostname === null || credentials === null) {
    return {
      ok: false,
      errors,
      message: `CallPop cannot connect to ${connector.displayName} with an address and key yet.`,
    };
  }
  return { ok: true, draft: { platform: connector.name, hostname, credentials } };
}
