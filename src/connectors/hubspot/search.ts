// Lookups: a contacts and a companies search sent at once, each paced. Contacts match on HubSpot's
// searchable numbers (the national digits, however typed); a company's phone in usual spellings.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { http } from '@/platform/worker/http/client';
import type { Contact } from '@/features/lookup/model/contact';
import { normalizePhone } from '@/features/lookup/model/phone';
import {
  optionalText,
  requireArray,
  requireId,
  requireRecord,
  type JsonRecord,
  contactOf,
} from '../shared/guards';
import { extensionNotSearched, nameSearchResult, phoneSearchResult } from '../shared/outcome';
import { authorization } from '../shared/secret';
import { allAnswered, buildUrl } from '../shared/wire';
import type { FindContactArgs, FindContactWithNameArgs, FindHooks, Pace } from '../types';
import { HUBSPOT_TYPES, type HubSpotType } from './manifest';

/** HubSpot's largest search page. */
export const SEARCH_LIMIT = 200;
const TYPES = [HUBSPOT_TYPES.contact, HUBSPOT_TYPES.company];
export const PATHS: Record<HubSpotType, string> = { Contact: 'contacts', Company: 'companies' };
const PROPERTIES = {
  Contact: ['firstname', 'lastname', 'email', 'company', 'phone', 'mobilephone'],
  Company: ['name', 'phone'],
};
type Filter = { propertyName: string; operator: string; value?: string; values?: string[] };

export const hubspotHeaders = (authHeader: string) =>
  authorization(authHeader, 'Bearer', 'HubSpot');

/** The filter groups finding a number on a contact (phone or mobile) or a company. */
export function phoneGroups(type: HubSpotType, phoneNumber: string): { filters: Filter[] }[] {
  const parsed = normalizePhone(phoneNumber);
  const phone = parsed.ok && !parsed.isExtension ? parsePhoneNumberFromString(parsed.e164) : null;
  if (!phone) throw new Error('HubSpot looks up full phone numbers, like +1 415 555 0100.');
  const value = phone.nationalNumber;
  if (type === HUBSPOT_TYPES.contact) {
    return ['phone', 'mobile'].map((kind) => ({
      filters: [{ propertyName: `hs_searchable_calculated_${kind}_number`, operator: 'EQ', value }],
    }));
  }
  const local = phone.formatInternational().split(' ').slice(1).join(' '); // 415 555 0100
  const joined = [' ', '-', '.', ''].map((sep) => local.replace(/ /g, sep));
  const code = `+${phone.countryCallingCode} `;
  const values = [phone.number, phone.formatNational(), ...joined, ...joined.map((n) => code + n)];
  return [{ filters: [{ propertyName: 'phone', operator: 'IN', values: [...new Set(values)] }] }];
}

/** One search: its records' ids and properties, and whether HubSpot has more than these. */
export async function searchObjects(
  args: { user: { hostname: string }; authHeader: string },
  type: HubSpotType,
  filterGroups: { filters: Filter[] }[],
  query?: string,
): Promise<{ records: { id: unknown; p: JsonRecord }[]; more: boolean }> {
  const properties = [...PROPERTIES[type], 'createdate', 'notes_last_updated', 'hubspot_owner_id'];
  // The documents require every field but the query: the first page, unsorted.
  const body = { filterGroups, properties, limit: SEARCH_LIMIT, after: '0', sorts: [], query };
  const url = buildUrl(args.user.hostname, `/crm/v3/objects/${PATHS[type]}/search`);
  const res = await http.post(url, body, { headers: hubspotHeaders(args.authHeader) });
  const what = `HubSpot's ${PATHS[type]} search`;
  const answer = requireRecord(res.data, what);
  const records = requireArray(answer.results, what)
    .slice(0, SEARCH_LIMIT)
    .map((entry) => requireRecord(entry, what))
    .map((record) => ({ id: record.id, p: requireRecord(record.properties, what) }));
  return { records, more: typeof answer.total === 'number' && answer.total > records.length };
}

/** "First Last" of a contact, a company's name. */
export function hubspotName(type: HubSpotType, p: JsonRecord): string {
  const name =
    type === HUBSPOT_TYPES.company
      ? optionalText(p.name)
      : [optionalText(p.firstname), optionalText(p.lastname)].filter(Boolean).join(' ');
  return name || optionalText(p.email) || `Unnamed ${type.toLowerCase()}`;
}

type Search = { groups: { filters: Filter[] }[]; query?: string };

async function searchBoth(
  args: Pick<FindContactArgs, 'user' | 'authHeader'>,
  search: (type: HubSpotType) => Search,
  phoneOf: (p: JsonRecord) => string | undefined,
  hooks?: Pace,
): Promise<{ contacts: Contact[]; more: boolean }> {
  const answers = await allAnswered(
    TYPES.map(async (type) => {
      await hooks?.pace();
      const { groups, query } = search(type);
      return searchObjects(args, type, groups, query);
    }),
  );
  const contacts = TYPES.flatMap((type, i) =>
    answers[i]!.records.map(({ id, p }) => {
      const name = hubspotName(type, p);
      return contactOf({
        id: String(requireId(id, name)),
        name,
        type,
        phone: phoneOf(p),
        company: type === HUBSPOT_TYPES.contact ? optionalText(p.company) : undefined,
        email: optionalText(p.email),
        createdDate: optionalText(p.createdate),
        mostRecentActivityDate: optionalText(p.notes_last_updated),
        ownerId: optionalText(p.hubspot_owner_id),
      });
    }),
  );
  return { contacts, more: answers.some((a) => a.more) };
}

export async function findHubSpotContact(args: FindContactArgs, hooks?: FindHooks) {
  if (args.isExtension) return extensionNotSearched('HubSpot');
  const byNumber = (type: HubSpotType) => ({ groups: phoneGroups(type, args.phoneNumber) });
  const { contacts, more } = await searchBoth(args, byNumber, () => args.phoneNumber, hooks);
  return phoneSearchResult('HubSpot', contacts, more && SEARCH_LIMIT);
}

// HubSpot's query finds words of names, emails and companies that start with the typed words.
export async function findHubSpotContactWithName(args: FindContactWithNameArgs, hooks?: Pace) {
  const query = args.name.trim();
  if (query === '') throw new Error('Type a name to search HubSpot.');
  const phoneOf = (p: JsonRecord) => optionalText(p.phone) ?? optionalText(p.mobilephone);
  const { contacts, more } = await searchBoth(args, () => ({ groups: [], query }), phoneOf, hooks);
  return nameSearchResult('HubSpot', query, contacts, more && SEARCH_LIMIT);
}
