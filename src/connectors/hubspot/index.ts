/** The HubSpot connector. Hostname: the API (https://api.hubapi.com); record pages: uiDomain. */
import { http } from '@/platform/worker/http/client';
import { classifyError } from '@/platform/worker/http/errors';
import { optionalText, requireId, requireRecord } from '../shared/guards';
import { buildUrl } from '../shared/wire';
import type { ConnectionCheck, Connector, ConnectorUser } from '../types';
import { hubspotAuthHeader, hubspotHeaders } from './auth';
import { findHubSpotContact } from './find-contact';
import { hubspotManifest, HUBSPOT_TYPES } from './manifest';
import { searchObjects } from './search';
import { createHubSpotCallLog, createHubSpotContact, hubspotSaveCheck } from './write';

const MISSING_SCOPES =
  'This HubSpot token lacks the scopes CallPop needs. In HubSpot, open Settings → Integrations → Private apps → your app → Scopes, add contacts and companies (read and write), then paste the token again.';

// The portal and its uiDomain (record pages), then one search of each kind, so a token without
// their scopes is explained now rather than on the first call.
async function checkHubSpotConnection(
  user: ConnectorUser,
  authHeader: string,
): Promise<ConnectionCheck> {
  const url = buildUrl(user.hostname, '/account-info/v3/details');
  const res = await http.get(url, { headers: hubspotHeaders(authHeader) });
  const account = requireRecord(res.data, 'The HubSpot account');
  const portalId = String(requireId(account.portalId, 'The HubSpot account'));
  const types = [HUBSPOT_TYPES.contact, HUBSPOT_TYPES.company];
  await Promise.all(types.map((type) => searchObjects({ user, authHeader }, type, []))).catch(
    (error: unknown) => {
      throw classifyError(error).kind === 'forbidden' ? new Error(MISSING_SCOPES) : error;
    },
  );
  const uiDomain = optionalText(account.uiDomain);
  // A private app acts for the account, not for a person.
  const name = `HubSpot account ${portalId}`;
  return {
    accountId: portalId,
    userId: portalId,
    userName: name,
    ...(uiDomain ? { pageHost: uiDomain } : {}),
  };
}

export const hubspot: Connector = {
  manifest: hubspotManifest,
  authHeader: hubspotAuthHeader,
  checkConnection: checkHubSpotConnection,
  findContact: findHubSpotContact,
  createContact: createHubSpotContact,
  createCallLog: createHubSpotCallLog,
  saveCheck: hubspotSaveCheck,
};
