/**
 * Pipedrive seed data. Tests import these constants instead of repeating literals.
 * Phone formats are deliberately mixed, as in real accounts where people type numbers by hand.
 */

export const PIPEDRIVE_API_TOKEN = 'pd-test-api-token';
export const PIPEDRIVE_OAUTH_TOKEN = 'pd-test-oauth-token';

export const PIPEDRIVE_USER = {
  id: 9001,
  name: 'Dana Demo',
  email: 'dana@callpop-demo.test',
  company_id: 7001,
  company_name: 'CallPop Demo Co',
  company_domain: 'callpop-demo',
} as const;

/** A second user of the company, owning some seeded persons (the card's owner). */
export const PIPEDRIVE_COLLEAGUE = { id: 9002, name: 'Sam Seller', email: 'sam@callpop-demo.test' };

export const PIPEDRIVE_ORGS = {
  acme: { id: 1, name: 'Acme Robotics', address: '500 Howard St, San Francisco, CA 94105, USA' },
  globex: { id: 2, name: 'Globex Logistics', address: '1 Embarcadero W, Oakland, CA 94607, USA' },
  initech: { id: 3, name: 'Initech Ltd', address: '10 Finsbury Square, London EC2A 1AF, UK' },
  mueller: { id: 4, name: 'Müller Maschinenbau GmbH', address: 'Leopoldstraße 20, 80802 München' },
  umbrella: { id: 5, name: 'Umbrella Health', address: null },
} as const;

export interface SeedPerson {
  id: number;
  name: string;
  /** Primary phone exactly as stored (free-form, as typed by a user). */
  phone: string | null;
  extraPhones?: readonly { value: string; label: string }[];
  email: string | null;
  orgId: number | null;
  /** ISO 8601; null exercises the missing-date path. */
  addTime: string | null;
}

export const PIPEDRIVE_PERSONS = {
  alice: p(1, 'Alice Johnson', '+1 415-555-0101', 'alice@acme.test', 1, '2023-01-10T09:00:00Z'),
  /** One match; has an open deal, a won deal and a lead. */
  bob: p(2, 'Bob Smith', '+1 415-555-0102', 'bob@acme.test', 1, '2023-02-14T16:30:00Z'),
  /** Shares PIPEDRIVE_NUMBERS.shared with dan and was created first. */
  carol: p(3, 'Carol Diaz', '+1 415-555-0120', 'carol@globex.test', 2, '2022-05-03T08:15:00Z'),
  dan: p(4, 'Dan Carter', '+1 (415) 555-0120', 'dan@globex.test', 2, '2024-02-11T13:45:00Z'),
  /** erin, frank and grace store PIPEDRIVE_NUMBERS.multiFormat in three formats. */
  erin: p(5, 'Erin Walsh', '+1 (415) 555-0133', 'erin@umbrella.test', 5, '2023-06-01T10:00:00Z'),
  frank: p(6, 'Frank Moore', '415.555.0133', null, 5, '2023-07-19T11:20:00Z'),
  grace: p(7, 'Grace Lee', '+14155550133', 'grace@example.test', null, '2024-03-01T10:00:00Z'),
  harriet: p(
    8,
    'Harriet Clarke',
    '+44 20 7946 0958',
    'h.clarke@initech.test',
    3,
    '2023-09-12T07:05:00Z',
  ),
  jonas: p(9, 'Jonas Weber', '+49 30 12345678', 'j.weber@mueller.test', 4, '2023-11-23T15:00:00Z'),
  /** Seeded without add_time: the API answers add_time: null. */
  ivy: p(10, 'Ivy Chen', '+1 650-555-0199', 'ivy@example.test', null, null),
  kevin: {
    ...p(
      11,
      "Kevin O'Brien",
      '+1 212-555-0147',
      'kevin@example.test',
      null,
      '2024-01-08T18:00:00Z',
    ),
    extraPhones: [{ value: '+1 917-555-0148', label: 'mobile' }],
  },
  laura: p(
    12,
    'Laura Martínez',
    '+34 612 34 56 78',
    'laura@example.test',
    null,
    '2024-04-22T09:30:00Z',
  ),
} satisfies Record<string, SeedPerson>;

/**
 * E.164 forms a phone system would hand over, one per seeded scenario. Search matches digits
 * by containment, so multiFormat in E.164 misses frank (stored without country code).
 */
export const PIPEDRIVE_NUMBERS = {
  alice: '+14155550101',
  bob: '+14155550102',
  shared: '+14155550120',
  multiFormat: '+14155550133',
  uk: '+442079460958',
  de: '+493012345678',
  noAddTime: '+16505550199',
  kevinMobile: '+19175550148',
  es: '+34612345678',
  unknown: '+14155550999',
} as const;

export const PIPEDRIVE_DEALS = {
  bobOpen: { id: 1, title: 'Acme - 20 robot arms', personId: 2, orgId: 1, status: 'open' },
  bobWon: { id: 2, title: 'Acme - pilot', personId: 2, orgId: 1, status: 'won' },
  harrietOpen: { id: 3, title: 'Initech - renewal', personId: 8, orgId: 3, status: 'open' },
} as const;

export const PIPEDRIVE_LEADS = {
  bob: { id: 'adf21080-0e10-11eb-879b-05d71fb426ec', title: 'Acme expansion', personId: 2 },
} as const;

function p(
  id: number,
  name: string,
  phone: string | null,
  email: string | null,
  orgId: number | null,
  addTime: string | null,
): SeedPerson {
  return { id, name, phone, email, orgId, addTime };
}
