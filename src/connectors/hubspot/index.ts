/** The HubSpot connector. Hostname: the API (https://api.hubapi.com); record pages: uiDomain. */
import { http } from '@/platform/worker/http/client';
import { classifyError } from '@/platform/worker/http/errors';
import type { Credentials } from '@/features/connection/model/connection';
import { optionalText, requireId, requireRecord } from '../shared/guards';
import { namesById } from '../shared/names';
import { requireSecret } from '../shared/secret';
import { buildUrl } from '../shared/wire';
import type { Connector, ConnectorUser } from '../types';
import { hubspotManifest, HUBSPOT_TYPES } from './manifest';
import * as search from './search';
import * as write from './write';

/** A private app's access token, sent as `Authorization: Bearer …` (never in a URL). */
function hubspotAuthHeader(credentials: Credentials): string {
  if (credentials.kind !== 'apiToken') {
    throw new Error('HubSpot connects with a private app token.');
  }
  return `Bearer ${requireSecret(credentials.token, 'HubSpot private app access token')}`;
}

const MISSING_SCOPES =
  'This HubSpot token lacks the scopes CallPop needs. In HubSpot, open Settings → Integrations → Private apps → your app → Scopes, add contacts and companies (read and write), then paste the token again.';

// The portal and its uiDomain (record pages), then a search of each kind, so a token without
// their scopes is explained now rather than on the first call. A private app has no user.
async function checkHubSpotConnection(user: ConnectorUser, authHeader: string) {
  const url = buildUrl(user.hostname, '/account-info/v3/details');
  const res = await http.get(url, { headers: search.hubspotHeaders(authHeader) });
  const account = requireRecord(res.data, 'The HubSpot account');
  const portal = String(requireId(account.portalId, 'The HubSpot account'));
  const types = [HUBSPOT_TYPES.contact, HUBSPOT_TYPES.company];
  const searches = types.map((type) => search.searchObjects({ user, authHeader }, type, []));
  await Promise.all(searches).catch((error: unknown) => {
    throw classifyError(error).kind === 'forbidden' ? new Error(MISSING_SCOPES) : error;
  });
  const pageHost = optionalText(account.uiDomain);
  const check = { accountId: portal, userId: portal, userName: `HubSpot account ${portal}` };
  return pageHost ? { ...check, pageHost } : check;
}

// The owners records name (hubspot_owner_id); the first page of 100 holds most portals' all.
async function listHubSpotOwners(user: ConnectorUser, authHeader: string) {
  const url = buildUrl(user.hostname, '/crm/owners/2026-09', { limit: 100 });
  const res = await http.get(url, { headers: search.hubspotHeaders(authHeader) });
  const owners = requireRecord(res.data, 'HubSpot owners').results;
  return namesById(owners, (o) => [o.id, o.firstName, o.lastName, o.email]);
}

export const hubspot: Connector = {
  manifest: hubspotManifest,
  authHeader: hubspotAuthHeader,
  checkConnection: checkHubSpotConnection,
  findContact: search.findHubSpotContact,
  createContact: write.createHubSpotContact,
  findContactWithName: search.findHubSpotContactWithName,
  addPhoneNumber: write.addHubSpotPhoneNumber,
  createCallLog: write.createHubSpotCallLog,
  saveCheck: write.hubspotSaveCheck,
  listUsers: listHubSpotOwners,
};
