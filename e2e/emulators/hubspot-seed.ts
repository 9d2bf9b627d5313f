/**
 * HubSpot seed data. Tests import these constants instead of repeating literals. Numbers are
 * stored as people type them: HubSpot keeps the text and searches its calculated digits.
 */

export const HUBSPOT_TOKEN = 'pat-na1-test-private-app-token';
export const HUBSPOT_PORTAL = { portalId: 12345678, uiDomain: 'app.hubspot.com' } as const;

export type HsObjectType = 'contacts' | 'companies' | 'calls';

export interface HsRecord {
  id: string;
  type: HsObjectType;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  /** Epoch ms from which search finds it (HubSpot indexes new records after a few seconds). */
  searchableFrom: number;
  /** Associated records, as `<type>:<id>`. */
  associations: string[];
}

function seed(
  id: string,
  type: HsObjectType,
  properties: Record<string, string | null>,
  createdAt: string,
): HsRecord {
  const updatedAt = properties.notes_last_updated ?? createdAt;
  return {
    id,
    type,
    properties: { hubspot_owner_id: HUBSPOT_OWNER.id, ...properties, createdate: createdAt },
    createdAt,
    updatedAt,
    searchableFrom: 0,
    associations: [],
  };
}

/** The one owner (GET /crm/owners/2026-09) of every seeded record. */
export const HUBSPOT_OWNER = {
  id: '501',
  email: 'dana@callpop-demo.test',
  firstName: 'Dana',
  lastName: 'Demo',
  type: 'PERSON',
  userId: 9001,
  archived: false,
  createdAt: '2023-01-01T00:00:00Z',
  updatedAt: '2023-01-01T00:00:00Z',
} as const;

export const HUBSPOT_NUMBERS = {
  /** Stored as "(415) 555-0101". */
  punctuated: '+14155550101',
  /** Only a mobile number. */
  mobileOnly: '+14155550142',
  /** The company's switchboard, stored as "415.555.0150". */
  company: '+14155550150',
  /** Two contacts share it, in two spellings. */
  shared: '+14155550120',
  /** London, stored nationally as "020 7946 0958". */
  uk: '+442079460958',
  nobody: '+14155550999',
} as const;

export const HUBSPOT_RECORDS = {
  alice: seed(
    '101',
    'contacts',
    {
      firstname: 'Alice',
      lastname: 'Johnson',
      email: 'alice@acme.test',
      phone: '(415) 555-0101',
      company: 'Acme Robotics',
      notes_last_updated: '2024-05-02T10:00:00.000Z',
    },
    '2023-01-10T09:00:00.000Z',
  ),
  mo: seed(
    '102',
    'contacts',
    { firstname: 'Mo', lastname: 'Bile', mobilephone: '+1 415 555 0142' },
    '2023-03-01T12:00:00.000Z',
  ),
  carol: seed(
    '103',
    'contacts',
    { firstname: 'Carol', lastname: 'Diaz', phone: '+1 415-555-0120' },
    '2022-05-03T08:15:00.000Z',
  ),
  dan: seed(
    '104',
    'contacts',
    { firstname: 'Dan', lastname: 'Carter', phone: '4155550120', email: 'dan@globex.test' },
    '2024-02-11T13:45:00.000Z',
  ),
  zoe: seed(
    '105',
    'contacts',
    { firstname: 'Zoë', lastname: 'Ångström-Łukasz', phone: '020 7946 0958' },
    '2023-09-12T07:05:00.000Z',
  ),
  acme: seed(
    '201',
    'companies',
    { name: 'Acme Robotics', phone: '415.555.0150', domain: 'acme.test' },
    '2021-06-01T00:00:00.000Z',
  ),
} as const;
