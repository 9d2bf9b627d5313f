// A private app's access token, sent as `Authorization: Bearer …` (never in a URL).
import type { Credentials } from '@/features/connection/model/connection';
import { requireSecret } from '../shared/secret';

export function hubspotAuthHeader(credentials: Credentials): string {
  if (credentials.kind !== 'apiToken') {
    throw new Error('HubSpot connects with a private app access token.');
  }
  return `Bearer ${requireSecret(credentials.token, 'HubSpot private app access token')}`;
}

export function hubspotHeaders(authHeader: string): Record<string, string> {
  if (!authHeader.startsWith('Bearer ')) {
    throw new Error('The saved HubSpot token is unreadable. Connect HubSpot again.');
  }
  return { Authorization: authHeader };
}
