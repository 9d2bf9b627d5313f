// The API key as HTTP Basic user name with an empty password, against the API URL the user
// copies from Insightly (User Settings → API), e.g. `https://api.na1.insightly.com`.
import type { Credentials } from '@/features/connection/model/connection';
import { authorization, requireSecret } from '../shared/secret';
import { buildUrl, type Query } from '../shared/wire';

export function insightlyAuthHeader(credentials: Credentials): string {
  if (credentials.kind !== 'apiKey') {
    throw new Error('Insightly connects with an API key (User Settings → API key).');
  }
  const key = requireSecret(credentials.apiKey, 'Insightly API key');
  if (key.includes(':')) throw new Error('Paste the Insightly API key again, without colons.');
  const bytes = new TextEncoder().encode(`${key}:`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export const insightlyHeaders = (authHeader: string) =>
  authorization(authHeader, 'Basic', 'Insightly');

/** The API host without any `/v3.1` (or other version) the user pasted with it. */
export function insightlyApiHost(hostname: string): string {
  return hostname.trim().replace(/(\/v\d+(\.\d+)?)?\/*$/i, '');
}

/** `<API host>/v3.1<path>`; each inserted path segment must already be encoded by the caller. */
export function insightlyUrl(hostname: string, path: string, query?: Query): string {
  return buildUrl(insightlyApiHost(hostname), `/v3.1${path}`, query);
}

/** Records open on `crm.na1.insightly.com`, not `api.…`; any other host is used as is. */
export function insightlyPageHostname(hostname: string): string {
  const host = insightlyApiHost(hostname);
  return host.replace(/^(https?:\/\/)?api\.([a-z0-9-]+\.insightly\.com)$/i, '$1crm.$2');
}
