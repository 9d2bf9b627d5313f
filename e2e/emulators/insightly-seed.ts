/**
 * Insightly seed data. Insightly search is an exact (case-insensitive) match on the stored
 * string, so the `phone`/`mobile` values here are exactly what a search must send.
 */

export const INSIGHTLY_API_KEY = 'is-test-api-key';

export const INSIGHTLY_USER = {
  USER_ID: 4001,
  CONTACT_ID: 4002,
  FIRST_NAME: 'Ivan',
  LAST_NAME: 'Insight',
  EMAIL_ADDRESS: 'ivan@callpop-demo.test',
  TIMEZONE_ID: 'UTC',
  INSTANCE_ID: 880001,
} as const;

export const INSIGHTLY_ORGS = {
  northwind: { ORGANISATION_ID: 201, ORGANISATION_NAME: 'Northwind Traders' },
  contoso: { ORGANISATION_ID: 202, ORGANISATION_NAME: 'Contoso Ltd' },
} as const;

export interface SeedContact {
  id: number;
  first: string;
  last: string;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  title: string | null;
  orgId: number | null;
  /** 'YYYY-MM-DD HH:mm:ss' UTC; null exercises the missing-date path. */
  created: string | null;
}

export interface SeedLead {
  id: number;
  first: string;
  last: string;
  phone: string | null;
  mobile: string | null;
  org: string | null;
  created: string | null;
}

export const INSIGHTLY_CONTACTS = {
  maya: c(101, 'Maya', 'Patel', '(415) 555-0144', null, 201, '2024-01-05 09:30:00'),
  /** Same number as maya, stored in another format: a search for one misses the other. */
  noah: c(102, 'Noah', 'Kim', '+1 415 555 0144', null, 202, '2024-02-10 14:00:00'),
  /** PHONE and PHONE_MOBILE hold the same number: one record matched by two fields. */
  olivia: c(103, 'Olivia', 'Brown', '415-555-0155', '415-555-0155', 201, '2023-11-20 08:00:00'),
  /** Shares its number with INSIGHTLY_LEADS.sam. */
  peter: c(104, 'Peter', 'Novak', '+1 415 555 0166', null, null, '2023-08-14 17:45:00'),
  /** No DATE_CREATED_UTC. */
  quinn: c(105, 'Quinn', 'Taylor', '(415) 555-0177', null, 202, null),
  rosa: c(106, 'Rosa', 'García', null, '+44 7700 900123', null, '2024-03-03 12:00:00'),
} satisfies Record<string, SeedContact>;

export const INSIGHTLY_LEADS = {
  sam: l(301, 'Sam', 'Rivera', '+1 415 555 0166', null, 'Rivera Catering', '2024-04-01 10:15:00'),
  tara: l(302, 'Tara', 'Singh', null, '(415) 555-0188', null, '2024-04-18 16:20:00'),
  uma: l(303, 'Uma', 'Fischer', '+49 89 1234 5678', null, 'Fischer GmbH', '2024-05-02 07:40:00'),
} satisfies Record<string, SeedLead>;

/** E.164 forms of the seeded numbers (what a phone system hands over). */
export const INSIGHTLY_NUMBERS = {
  mayaNoah: '+14155550144',
  olivia: '+14155550155',
  peterSam: '+14155550166',
  quinn: '+14155550177',
  rosaMobile: '+447700900123',
  taraMobile: '+14155550188',
  uma: '+498912345678',
  unknown: '+14155550999',
} as const;

/** Generic so tests see each seeded phone as a plain string, not string | null. */
function c<P extends string | null, M extends string | null>(
  id: number,
  first: string,
  last: string,
  phone: P,
  mobile: M,
  orgId: number | null,
  created: string | null,
): SeedContact & { phone: P; mobile: M } {
  const ascii = (x: string) =>
    x
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const email = `${ascii(first)}.${ascii(last)}@example.test`;
  return { id, first, last, phone, mobile, email, title: null, orgId, created };
}

function l<P extends string | null, M extends string | null>(
  id: number,
  first: string,
  last: string,
  phone: P,
  mobile: M,
  org: string | null,
  created: string | null,
): SeedLead & { phone: P; mobile: M } {
  return { id, first, last, phone, mobile, org, created };
}
