// Connectors get one auth string, so an API token travels as `Token <token>` and becomes its own
// `x-api-token` header here (OAuth stays `Bearer`). Tokens never go in URLs.
import type { Credentials } from '@/features/connection/model/connection';
import { requireSecret } from '../shared/secret';

const TOKEN_PREFIX = 'Token ';
const BEARER_PREFIX = 'Bearer ';

export function pipedriveAuthHeader(credentials: Credentials): string {
  const what = 'Pipedrive API token';
  if (credentials.kind === 'apiToken') return TOKEN_PREFIX + requireSecret(credentials.token, what);
  if (credentials.kind === 'oauth') {
    return BEARER_PREFIX + requireSecret(credentials.accessToken, what);
  }
  throw new Error('Pipedrive connects with an API token or by signing in, not with an API key.');
}

export function pipedriveHeaders(authHeader: string): Record<string, string> {
  if (authHeader.startsWith(BEARER_PREFIX)) return { Authorization: authHeader };
  if (authHeader.startsWith(TOKEN_PREFIX)) {
    return { 'x-api-token': authHeader.slice(TOKEN_PREFIX.length) };
  }
  throw new Error('The saved Pipedrive credentials are unreadable. Connect Pipedrive again.');
}
