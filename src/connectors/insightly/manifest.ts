import type { ConnectorManifest } from '../types';

/** Values are Insightly's own record names: they go into the page URL as they are. */
export const INSIGHTLY_TYPES = { contact: 'Contact', lead: 'Lead' } as const;
export type InsightlyType = (typeof INSIGHTLY_TYPES)[keyof typeof INSIGHTLY_TYPES];

export const insightlyManifest: ConnectorManifest = {
  name: 'insightly',
  displayName: 'Insightly',
  contactTypes: [
    { display: 'Contact', value: INSIGHTLY_TYPES.contact },
    { display: 'Lead', value: INSIGHTLY_TYPES.lead },
  ],
  // {hostname} is the web app's host: see insightlyPageHostname (api.* → crm.*).
  contactPageUrl: 'https://{hostname}/list/{contactType}/?blade=/details/{contactType}/{contactId}',
  auth: { kinds: ['apiKey'] },
  settings: [
    {
      id: 'hostname',
      label: 'API URL',
      type: 'url',
      required: true,
      placeholder: 'https://api.na1.insightly.com',
      help: 'In Insightly: your picture → User Settings → API. Copy the API URL without /v3.1.',
    },
    {
      id: 'apiKey',
      label: 'API key',
      type: 'password',
      required: true,
      help: 'On the same page: API key.',
    },
  ],
  // Insightly matches numbers only exactly as stored.
  usesOverridingFormats: true,
  // Insightly's documented limit: 10 requests per second per API key, 429 beyond.
  maxRequestsPerSecond: 10,
};
