// HubSpot's CRM search (POST /crm/v3/objects/{type}/search; filter groups are ORed). Contacts'
// phone and mobile match on HubSpot's calculated searchable numbers (the national digits, however
// the number was typed); a company's phone in the spellings people type.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { http } from '@/platform/worker/http/client';
import { normalizePhone } from '@/features/lookup/model/phone';
import { optionalText, requireArray, requireRecord, type JsonRecord } from '../shared/guards';
import { buildUrl } from '../shared/wire';
import { hubspotHeaders } from './auth';
import { HUBSPOT_TYPES, type HubSpotType } from './manifest';

/** HubSpot's largest search page. */
export const SEARCH_LIMIT = 200;

export const OBJECTS: Record<HubSpotType, { path: string; properties: string[] }> = {
  Contact: { path: 'contacts', properties: ['firstname', 'lastname', 'email', 'company'] },
  Company: { path: 'companies', properties: ['name'] },
};

type Filter = { propertyName: string; operator: string; value?: string; values?: string[] };
export type FilterGroups = { filters: Filter[] }[];

/** The filter groups finding a number on a contact (phone or mobile) or a company. */
export function phoneGroups(type: HubSpotType, phoneNumber: string): FilterGroups {
  const parsed = normalizePhone(phoneNumber);
  const phone = parsed.ok && !parsed.isExtension ? parsePhoneNumberFromString(parsed.e164) : null;
  if (!phone) {
    throw new Error('HubSpot looks up full phone numbers, for example +1 415 555 0100.');
  }
  if (type === HUBSPOT_TYPES.contact) {
    return ['phone', 'mobile'].map((kind) => ({
      filters: [
        {
          propertyName: `hs_searchable_calculated_${kind}_number`,
          operator: 'EQ',
          value: phone.nationalNumber,
        },
      ],
    }));
  }
  const local = phone.formatInternational().split(' ').slice(1).join(' '); // 415 555 0100
  const joined = [' ', '-', '.', ''].map((sep) => local.replace(/ /g, sep));
  const code = `+${phone.countryCallingCode}`;
  const values = [
    phone.number,
    phone.formatNational(),
    ...joined,
    ...joined.map((n) => `${code} ${n}`),
  ];
  return [{ filters: [{ propertyName: 'phone', operator: 'IN', values: [...new Set(values)] }] }];
}

/** One search; its records (with their properties) and whether HubSpot has more than these. */
export async function searchObjects(
  args: { user: { hostname: string }; authHeader: string },
  type: HubSpotType,
  filterGroups: FilterGroups,
): Promise<{ records: { id: unknown; p: JsonRecord }[]; more: boolean }> {
  const { path, properties } = OBJECTS[type];
  // The documents require every field: the first page, unsorted.
  const body = {
    filterGroups,
    properties: [...properties, 'phone', 'mobilephone', 'createdate', 'notes_last_updated'],
    limit: SEARCH_LIMIT,
    after: '0',
    sorts: [],
  };
  const url = buildUrl(args.user.hostname, `/crm/v3/objects/${path}/search`);
  const res = await http.post(url, body, { headers: hubspotHeaders(args.authHeader) });
  const answer = requireRecord(res.data, `HubSpot's ${path} search`);
  const records = requireArray(answer.results, `HubSpot's ${path} search`)
    .slice(0, SEARCH_LIMIT)
    .map((entry) => {
      const record = requireRecord(entry, `A HubSpot ${path} result`);
      return { id: record.id, p: requireRecord(record.properties, `A HubSpot ${path} result`) };
    });
  const total = typeof answer.total === 'number' ? answer.total : 0;
  return { records, more: total > records.length };
}

/** "First Last" of a contact, a company's name. */
export function hubspotName(type: HubSpotType, p: JsonRecord): string {
  const name =
    type === HUBSPOT_TYPES.company
      ? optionalText(p.name)
      : [optionalText(p.firstname), optionalText(p.lastname)].filter(Boolean).join(' ');
  return name || optionalText(p.email) || `Unnamed ${type.toLowerCase()}`;
}
