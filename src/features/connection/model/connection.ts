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
export interface ConnectionDraft {
  platform: PlatformName;
  hostname: string;
  credentials: Credentials;
}

/** The connection as pages may see it: no secrets. */
export interface ConnectionSummary {
  platform: PlatformName;
  displayName: string;
  hostname: string;
  userName: string;
  connectedAt: number;
  /** Since when the CRM answers 401 to these credentials: the pages ask to replace them. */
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

// The URL parser takes `*` in a host, and a host permission for `https://*` would be every site
// (for `*.example.com`, every subdomain).
export function isOneHost(url: URL): boolean {
  return /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)$/i.test(url.hostname);
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
    return (url.protocol === 'https:' || url.protocol === 'http:') && isOneHost(url) ? url : null;
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
