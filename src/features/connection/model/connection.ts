/** The CRM account CallPop is connected to, stored under `connection@v1` (local area only). */

export type PlatformName = 'pipedrive' | 'insightly' | 'hubspot';

export type Credentials =
  | { kind: 'apiToken'; token: string }
  | { kind: 'oauth'; accessToken: string }
  | { kind: 'apiKey'; apiKey: string };

export interface Connection {
  platform: PlatformName;
  /** `acme.pipedrive.com`, or an origin with a scheme (`http://127.0.0.1:4010`) used as is. */
  hostname: string;
  credentials: Credentials;
  /** The CRM account and user, as the CRM reported them when connecting. */
  accountId: string;
  userId: string;
  userName: string;
  connectedAt: number;
  /** Where the CRM said its record pages are (HubSpot's uiDomain), when not on `hostname`. */
  pageHost?: string;
}

/** What the options page sends to test or save a connection. */
export type ConnectionDraft = Pick<Connection, 'platform' | 'hostname' | 'credentials'>;

type Shown = 'platform' | 'hostname' | 'userName' | 'connectedAt';
/** The connection as pages may see it: no secrets. `rejectedAt`: since when the CRM answers 401. */
export interface ConnectionSummary extends Pick<Connection, Shown> {
  displayName: string;
  rejectedAt?: number;
}

// A trailing API version (Insightly shows `/v3.1`) and slashes, dropped from a CRM address by
// both the options page and the worker: connectors add the version they speak.
export const withoutApiVersion = (address: string) => address.replace(/(\/v\d+(\.\d+)?)?\/*$/i, '');

/** `https://<hostname>`, or the hostname itself when it already carries an http(s) scheme. */
export function apiOrigin(hostname: string): string {
  const trimmed = hostname.trim().replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** This machine, where plain http never crosses a network (CRMs and softphones in development):
 * the loopback hosts the manifest grants (host_permissions) and its CSP lets frame. */
export function isLoopbackHost(hostname: string): boolean {
  return ['127.0.0.1', 'localhost'].includes(hostname.toLowerCase());
}

// Credentials go over https, or plain http only to this machine, where nothing crosses a network.
export function isSafeCrmUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** The address as an http(s) URL of one host, or null. */
export function webUrl(address: string): URL | null {
  // apiOrigin puts https:// before any other scheme (ftp://x), which would then read as a path.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address) && !/^https?:/i.test(address)) return null;
  try {
    const url = new URL(apiOrigin(address));
    // The URL parser takes `*` in a host: a permission for `https://*` would be every site.
    const oneHost = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)$/i.test(url.hostname);
    return (url.protocol === 'https:' || url.protocol === 'http:') && oneHost ? url : null;
  } catch {
    return null;
  }
}

/** No path, query, fragment or user name: API paths and page templates are appended to it. */
export function onlyHost(url: URL, address: string): boolean {
  // The URL parser reads an empty `?` or `#`, and `\` as `/`, as no path at all; every path
  // appended would then become a query, a fragment or another path.
  const afterScheme = apiOrigin(address).replace(/^https?:\/\//i, '');
  return (
    !url.username &&
    !url.password &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !/[/?#\\@\s]/.test(afterScheme)
  );
}

/** The host permission a connection needs: its scheme and host, any port and path; never a wildcard. */
export function originPattern(hostname: string): string | null {
  const url = webUrl(hostname);
  return url ? `${url.protocol}//${url.hostname}/*` : null;
}

/** "Company domain" reads "company domain" mid-sentence; "API token" and "Pipedrive domain"
 * (the CRM's name) stay as they are. */
export function inSentence(label: string, crm: string): string {
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
    const host = HOST.test(text) && URL.canParse(`https://${text}`); // a port past 65535 fails
    return host ? { ok: true, value: text.toLowerCase() } : badCharacters;
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

// An optional address left blank is the one its placeholder shows (HubSpot's API); the
// placeholder, e.g. `https://api.na1.insightly.com`, is also the example.
export function checkAddress(
  field: { label: string; required: boolean; placeholder?: string },
  raw: string,
  crm: string,
) {
  const example = field.placeholder?.trim() || undefined;
  const blank = raw.trim() === '' && !field.required;
  return checkHostname(blank ? (example ?? '') : raw, inSentence(field.label, crm), example);
}
