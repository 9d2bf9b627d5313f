// HubSpot's CRM search: POST /crm/v3/objects/{type}/search, OR between filter groups. Contacts'
// phone and mobile are matched on HubSpot's calculated searchable numbers (the national digits,
// whatever punctuation or country code was typed); a company's phone in its usual spellings.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { http } from '@/platform/worker/http/client';
import { normalizePhone } from '@/features/lookup/model/phone';
import { requireArray, requireRecord, type JsonRecord } from '../shared/guards';
import { buildUrl } from '../shared/wire';
import { hubspotHeaders } from './auth';
import { HUBSPOT_TYPES, type HubSpotType } from './manifest';

/** HubSpot's largest search page. */
export const SEARCH_LIMIT = 200;

export const OBJECTS: Record<HubSpotType, { path: string; properties: string[] }> = {
  [HUBSPOT_TYPES.contact]: {
    path: 'contacts',
    properties: ['firstname', 'lastname', 'email', 'phone', 'mobilephone', 'company'],
  },
  [HUBSPOT_TYPES.company]: { path: 'companies', properties: ['name', 'phone', 'domain'] },
};

type Filter = { propertyName: string; operator: string; value?: string; values?: string[] };

/** The number's national digits and the spellings people type it in. */
function numberForms(phoneNumber: string): { national: string; spellings: string[] } {
  const parsed = normalizePhone(phoneNumber);
  if (!parsed.ok || parsed.isExtension) {
    throw new Error('HubSpot looks up full phone numbers, for example +1 415 555 0100.');
  }
  const phone = parsePhoneNumberFromString(parsed.e164);
  const international = phone?.formatInternational() ?? parsed.e164;
  const code = `+${phone?.countryCallingCode ?? ''}`;
  const groups = international.slice(code.length).trim().split(' ');
  const joined = ['', ' ', '-', '.'].map((sep) => groups.join(sep));
  const spellings = [
    parsed.e164,
    international,
    phone?.formatNational() ?? '',
    ...joined,
    ...joined.map((n) => `${code} ${n}`),
  ];
  return { national: parsed.nationalNumber, spellings: [...new Set(spellings)].filter(Boolean) };
}

/** The filter groups (ORed) finding a number on a contact or a company. */
export function phoneGroups(type: HubSpotType, phoneNumber: string): { filters: Filter[] }[] {
  const { national, spellings } = numberForms(phoneNumber);
  if (type === HUBSPOT_TYPES.company) {
    return [{ filters: [{ propertyName: 'phone', operator: 'IN', values: spellings }] }];
  }
  return ['hs_searchable_calculated_phone_number', 'hs_searchable_calculated_mobile_number'].map(
    (propertyName) => ({ filters: [{ propertyName, operator: 'EQ', value: national }] }),
  );
}

export interface SearchArgs {
  user: { hostname: string };
  authHeader: string;
}

/** One search request; its records and whether HubSpot has more than it answered. */
export async function searchObjects(
  args: SearchArgs,
  type: HubSpotType,
  filterGroups: { filters: Filter[] }[],
): Promise<{ records: JsonRecord[]; more: boolean }> {
  const { path, properties } = OBJECTS[type];
  // The documents require every field, so the defaults are sent (first page, no sorting).
  const body = {
    filterGroups,
    properties: [...properties, 'createdate', 'notes_last_updated'],
    limit: SEARCH_LIMIT,
    after: '0',
    sorts: [],
  };
  const res = await http.post(
    buildUrl(args.user.hostname, `/crm/v3/objects/${path}/search`),
    body,
    {
      headers: hubspotHeaders(args.authHeader),
    },
  );
  const answer = requireRecord(res.data, `HubSpot's ${path} search`);
  const records = requireArray(answer.results, `HubSpot's ${path} search`)
    .slice(0, SEARCH_LIMIT)
    .map((entry) => requireRecord(entry, `A HubSpot ${path} result`));
  const total = typeof answer.total === 'number' ? answer.total : records.length;
  return { records, more: total > records.length };
}

/** A record's properties (HubSpot sends every value as text, or null). */
export const propertiesOf = (record: JsonRecord): JsonRecord =>
  requireRecord(record.properties, 'A HubSpot record');
