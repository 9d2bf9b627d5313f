// One search (phone, or name), then one `GET /api/v2/persons?ids=…` for the dates search items
// lack: a lookup hands on the names (onPartial) before it. Deals and leads: the log form (index).
import { http } from '@/platform/worker/http/client';
import { MalformedResponseError } from '@/platform/worker/http/errors';
import type { Contact } from '@/features/lookup/model/contact';
import { normalizePhone } from '@/features/lookup/model/phone';
import {
  isRecord,
  optionalText,
  requireArray,
  requireId,
  requireRecord,
  type JsonRecord,
  contactOf,
} from '../shared/guards';
import { extensionNotSearched, nameSearchResult, phoneSearchResult } from '../shared/outcome';
import { buildUrl, rateLimitTracking } from '../shared/wire';
import type { FindContactArgs, FindContactWithNameArgs, FindHooks, Pace } from '../types';
import { pipedriveHeaders } from './auth';
import { PIPEDRIVE_PERSON_TYPE } from './manifest';

// The most ids one persons request takes (Pipedrive's cap), so the most a lookup shows: two
// requests for any number of matches. A pop lists 20; the toolbar says when there are more.
export const SEARCH_LIMIT = 100;

// Search finds the digits inside stored numbers, so the national number matches every format,
// where an E.164 term would miss numbers stored without a country code.
function pipedriveSearchTerm(phoneNumber: string): string {
  const parsed = normalizePhone(phoneNumber);
  if (parsed.ok && !parsed.isExtension) return parsed.nationalNumber;
  const digits = phoneNumber.replace(/\D/g, '');
  if (digits.length < 2) throw new Error('That phone number has too few digits to look up.');
  return digits;
}

/** `data` of a Pipedrive envelope `{ success: true, data }`; throws when it is not there. */
export function pipedriveData(body: unknown, what: string): unknown {
  const envelope = requireRecord(body, `Pipedrive's answer to ${what}`);
  if (envelope.success !== true || !('data' in envelope)) {
    throw new MalformedResponseError(`Pipedrive's answer to ${what} has no data.`);
  }
  return envelope.data;
}

// At most SEARCH_LIMIT hits, so they fit one persons request; `more` says some were left out.
function readSearchHits(body: unknown): { hits: JsonRecord[]; more: boolean } {
  const data = requireRecord(pipedriveData(body, 'the person search'), 'Person search data');
  const hits = new Map<string, JsonRecord>(); // keyed by id: one person, one contact
  for (const entry of requireArray(data.items, 'Person search items')) {
    const item = requireRecord(isRecord(entry) ? entry.item : undefined, 'A person search item');
    const id = String(requireId(item.id, 'A person search item'));
    if (hits.has(id)) continue;
    if (hits.size === SEARCH_LIMIT) return { hits: [...hits.values()], more: true };
    hits.set(id, item);
  }
  // A cursor to a further page means some were left out too.
  const extra = requireRecord(body, 'The person search').additional_data;
  return { hits: [...hits.values()], more: isRecord(extra) && !!optionalText(extra.next_cursor) };
}

// London's 20 7946 0958 also finds Maine's +1 207 946 0958: drop a person only when all its
// numbers carry a country code and none is this one (others may well be this caller).
function onlyOtherNumbers(person: JsonRecord | undefined, e164: string): boolean {
  if (!person || !Array.isArray(person.phones)) return false;
  const values = person.phones.flatMap(
    (field) => optionalText(isRecord(field) && field.value) ?? [],
  );
  if (values.length === 0) return false;
  return values.every((value) => {
    // The usual case, this very number, needs no parsing (a pop waits for this).
    if (value.replace(/\D/g, '') === e164.slice(1)) return false;
    const parsed = normalizePhone(value); // no default country: only explicit codes read
    return parsed.ok && !parsed.isExtension && parsed.e164 !== e164;
  });
}

/** The primary (else first) of `emails` or `phones`; a search item's are plain strings. */
function primaryValue(fields: unknown): string | undefined {
  if (!Array.isArray(fields)) return undefined;
  const first: unknown = fields.find((e) => isRecord(e) && e.primary === true) ?? fields[0];
  return optionalText(isRecord(first) ? first.value : first);
}

async function searchPersons(
  args: Pick<FindContactArgs, 'user' | 'authHeader'>,
  query: { term: string; fields: string },
  hooks?: Pace,
  onHits?: (hits: JsonRecord[]) => void,
) {
  const headers = pipedriveHeaders(args.authHeader);
  const host = args.user.hostname;
  await hooks?.pace();
  const params = { ...query, limit: SEARCH_LIMIT };
  const search = await http.get(buildUrl(host, '/api/v2/persons/search', params), { headers });
  const { hits, more: truncated } = readSearchHits(search.data);
  const none = new Map<string, JsonRecord>();
  if (hits.length === 0) return { hits, persons: none, truncated, headers: search.headers };
  onHits?.(hits);

  const ids = hits.map((h) => String(h.id)).join(',');
  await hooks?.pace();
  // The open deals count rides on the same request: the card shows it at no extra cost.
  const batchParams = { ids, limit: SEARCH_LIMIT, include_fields: 'open_deals_count' };
  const batch = await http.get(buildUrl(host, '/api/v2/persons', batchParams), { headers });
  const list = requireArray(pipedriveData(batch.data, 'the persons request'), 'Persons');
  const persons = list.map((entry) => requireRecord(entry, 'A person'));
  const byId = new Map(persons.map((p) => [String(requireId(p.id, 'A person')), p]));
  return { hits, persons: byId, truncated, headers: batch.headers };
}

export async function findPipedriveContact(args: FindContactArgs, hooks?: FindHooks) {
  if (args.isExtension) return extensionNotSearched('Pipedrive');
  const term = pipedriveSearchTerm(args.phoneNumber);
  const phone = args.phoneNumber;
  const found = await searchPersons(args, { term, fields: 'phone' }, hooks, (hits) =>
    hooks?.onPartial(hits.map((hit) => toContact(phone, hit))),
  );
  const contacts = found.hits.flatMap((hit) => {
    const person = found.persons.get(String(hit.id));
    return onlyOtherNumbers(person, phone) ? [] : [toContact(phone, hit, person)];
  });
  const result = phoneSearchResult('Pipedrive', contacts, found.truncated && SEARCH_LIMIT);
  return { ...result, extraDataTracking: rateLimitTracking(found.headers) };
}

/** Persons whose name (or email, for a term with @) holds the term, each with its primary phone. */
export async function findPipedriveContactWithName(args: FindContactWithNameArgs, hooks?: Pace) {
  const term = args.name.trim();
  // Pipedrive refuses shorter terms (its documented minimum).
  if ([...term].length < 2) throw new Error('Type at least 2 letters to search Pipedrive.');
  const fields = term.includes('@') ? 'name,email' : 'name';
  const found = await searchPersons(args, { term, fields }, hooks);
  const contacts = found.hits.map((hit) => {
    const person = found.persons.get(String(hit.id));
    return toContact(primaryValue(person?.phones) ?? primaryValue(hit.phones), hit, person);
  });
  const result = nameSearchResult('Pipedrive', term, contacts, found.truncated && SEARCH_LIMIT);
  return { ...result, extraDataTracking: rateLimitTracking(found.headers) };
}

// A person missing from the batch (deleted after indexing, hidden, or not fetched yet) is still
// shown, without dates, rather than silently dropped.
function toContact(phone: string | undefined, hit: JsonRecord, person?: JsonRecord): Contact {
  const deals = person?.open_deals_count;
  return contactOf({
    id: requireId(hit.id, 'A person search item'),
    name: optionalText(hit.name) ?? 'Unnamed person',
    phone,
    type: PIPEDRIVE_PERSON_TYPE,
    company: isRecord(hit.organization) ? optionalText(hit.organization.name) : undefined,
    // A search item's emails are plain strings, none marked primary: the batch's primary wins.
    email: primaryValue(person?.emails) ?? primaryValue(hit.emails),
    createdDate: optionalText(person?.add_time),
    mostRecentActivityDate: optionalText(person?.update_time),
    openDeals: typeof deals === 'number' && deals > 0 ? deals : undefined,
    // The batch's owner, else the search item's (the names handed on before the batch).
    ownerId: optionalText(person?.owner_id ?? (isRecord(hit.owner) ? hit.owner.id : null)),
  });
}
