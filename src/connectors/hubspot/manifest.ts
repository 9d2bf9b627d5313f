import type { ConnectorManifest } from '../types';

/** Contact types, also shown on a match's card; pageTypes maps them to HubSpot's object ids. */
export const HUBSPOT_TYPES = { contact: 'Contact', company: 'Company' } as const;
export type HubSpotType = (typeof HUBSPOT_TYPES)[keyof typeof HUBSPOT_TYPES];

export const hubspotManifest: ConnectorManifest = {
  name: 'hubspot',
  displayName: 'HubSpot',
  contactTypes: Object.values(HUBSPOT_TYPES).map((type) => ({ display: type, value: type })),
  // {hostname} is the portal's uiDomain and {accountId} its portal id (from checkConnection).
  contactPageUrl: 'https://{hostname}/contacts/{accountId}/record/{contactType}/{contactId}',
  pageTypes: { Contact: '0-1', Company: '0-2' },
  auth: { kinds: ['apiToken'] },
  settings: [
    {
      id: 'apiToken',
      label: 'Private app access token',
      type: 'password',
      required: true,
      help: 'A HubSpot super admin creates a private app under Settings → Integrations → Private apps, with the contacts and companies scopes (read and write), and crm.objects.owners.read to show who owns each contact. Paste its access token here.',
    },
    {
      id: 'hostname',
      label: 'API address (optional)',
      type: 'url',
      required: false,
      placeholder: 'https://api.hubapi.com',
      help: 'Leave it blank: every HubSpot account uses https://api.hubapi.com.',
    },
  ],
  // HubSpot compares the digits of stored numbers, whatever their format.
  usesOverridingFormats: false,
  maxRequestsPerSecond: 4,
};
