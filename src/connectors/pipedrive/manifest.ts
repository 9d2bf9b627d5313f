import type { ConnectorManifest } from '../types';

export const PIPEDRIVE_PERSON_TYPE = 'person';

export const pipedriveManifest: ConnectorManifest = {
  name: 'pipedrive',
  displayName: 'Pipedrive',
  // Pipedrive has one kind of contact; its page URL needs no type.
  contactTypes: [{ display: 'Person', value: PIPEDRIVE_PERSON_TYPE }],
  contactPageUrl: 'https://{hostname}/person/{contactId}',
  auth: { kinds: ['apiToken', 'oauth'] },
  settings: [
    {
      id: 'hostname',
      label: 'Pipedrive domain',
      type: 'text',
      required: true,
      placeholder: 'acme.pipedrive.com',
      help: 'The address you see in the browser when you use Pipedrive.',
    },
    {
      id: 'apiToken',
      label: 'API token',
      type: 'password',
      required: true,
      help: 'In Pipedrive: your name (top right) → Personal preferences → API.',
    },
  ],
  // Pipedrive's search compares digits, so the stored format does not matter.
  usesOverridingFormats: false,
  // Pipedrive allows 10 searches per 2 s per token on every plan (each lookup sends one), and
  // 20 requests per 2 s on the smallest plan.
  maxRequestsPerSecond: 5,
  logFields: [
    { const: 'deals', title: 'Deal' },
    { const: 'leads', title: 'Lead' },
  ],
};
