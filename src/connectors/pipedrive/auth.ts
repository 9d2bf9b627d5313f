// Connectors get one auth string, so an API token travels as `Token <token>` and becomes its own
// `x-api-token` header here (OAuth stays `Bearer`). Tokens never go in URLs.
import type { Credentials } from '@/features/connection/model/connection';
import { authorization, requireSecret } from '../shared/secret';

const TOKEN_PREFIX = 'Token ';

export function pipedriveAuthHeader(credentials: Credentials): string {
  const what = 'Pipedrive API token';
  if (credentials.kind === 'apiToken') return TOKEN_PREFIX + requireSecret(credentials.token, what);
  if (credentials.kind === 'oauth') return 'Bearer ' + requireSecret(credentials.accessToken, what);
  throw new Error('Pipedrive connects with an API token or by signing in, not with an API key.');
}

export function pipedriveHeaders(authHeader: string): Record<string, string> {
  if (!authHeader.startsWith(TOKEN_PREFIX)) return authorization(authHeader, 'Bearer', 'Pipedrive');
  return { 'x-api-token': authHeader.slice(TOKEN_PREFIX.length) };
}
