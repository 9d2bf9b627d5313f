// Exact-match searches per phone (or name) field and value, in parallel, paced under Insightly's
// rate (a 429 retries the lookup). Organisation names are not fetched: a request each on every pop.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { http } from '@/platform/worker/http/client';
import type { Contact } from '@/features/lookup/model/contact';
import { normalizePhone, overridingFormatsFor } from '@/features/lookup/model/phone';
import {
  optionalText,
  requireArray,
  requireId,
  requireRecord,
  type JsonRecord,
  contactOf,
} from '../shared/guards';
import { extensionNotSearched, nameSearchResult, phoneSearchResult } from '../shared/outcome';
import { allAnswered } from '../shared/wire';
import type { FindContactArgs, FindContactWithNameArgs, FindHooks, Pace } from '../types';
import { insightlyHeaders, insightlyUrl } from './auth';
import { INSIGHTLY_TYPES, type InsightlyType } from './manifest';

interface SearchSpec {
  type: InsightlyType;
  segment: 'Contacts' | 'Leads';
  idField: 'CONTACT_ID' | 'LEAD_ID';
  /** PHONE first: E.164 is searched there only (see insightlySearchValues). */
  fields: readonly string[];
}

export const SPECS: Record<InsightlyType, SearchSpec> = {
  Contact: {
    type: INSIGHTLY_TYPES.contact,
    segment: 'Contacts',
    idField: 'CONTACT_ID',
    fields: ['PHONE', 'PHONE_MOBILE'],
  },
  Lead: {
    type: INSIGHTLY_TYPES.lead,
    segment: 'Leads',
    idField: 'LEAD_ID',
    fields: ['PHONE', 'MOBILE'],
  },
};

// Insightly matches stored text exactly, so we guess how the number was typed: `typed`, searched in
// every phone field (the user's formats, else international and national), and `e164`, in PHONE
// only (where CallPop's creates and imports put it; null when the number has none).
export function insightlySearchValues(phoneNumber: string, overridingFormat: string) {
  const parsed = normalizePhone(phoneNumber);
  if (!parsed.ok || parsed.isExtension) {
    const raw = phoneNumber.trim();
    if (raw === '') throw new Error('Enter a phone number to look up.');
    return { typed: [raw], e164: null };
  }
  const formatted = overridingFormatsFor(parsed.nationalNumber, overridingFormat.split(','));
  if (formatted.length > 0) return { typed: formatted, e164: parsed.e164 };
  const phone = parsePhoneNumberFromString(parsed.e164);
  const values = [phone?.formatInternational(), phone?.formatNational()];
  const typed = values.filter((v): v is string => typeof v === 'string' && v !== '');
  return { typed: [...new Set(typed)], e164: parsed.e164 };
}

/** Insightly's `YYYY-MM-DD HH:mm:ss` _UTC fields as explicit ISO 8601 UTC. */
function insightlyUtc(value: unknown): string | undefined {
  return optionalText(value)?.replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/, '$1T$2Z');
}

export function insightlyName(record: JsonRecord): string {
  const parts = [optionalText(record.FIRST_NAME), optionalText(record.LAST_NAME)];
  return parts.filter(Boolean).join(' ') || 'Unnamed record';
}

function toContact(record: JsonRecord, spec: SearchSpec, phone: string | undefined): Contact {
  const lead = spec.type === 'Lead';
  return contactOf({
    id: requireId(record[spec.idField], `An Insightly ${spec.type.toLowerCase()}`),
    name: insightlyName(record),
    phone,
    type: spec.type,
    title: optionalText(record.TITLE),
    company: lead ? optionalText(record.ORGANISATION_NAME) : undefined,
    email: optionalText(record[lead ? 'EMAIL' : 'EMAIL_ADDRESS']),
    createdDate: insightlyUtc(record.DATE_CREATED_UTC),
    mostRecentActivityDate:
      insightlyUtc(record.LAST_ACTIVITY_DATE_UTC) ?? insightlyUtc(record.DATE_UPDATED_UTC),
    ownerId: optionalText(record.OWNER_USER_ID),
  });
}

/** The most records one search request returns (Insightly's `top` cap). */
export const SEARCH_LIMIT = 500;

type PhoneOf = (record: JsonRecord, spec: SearchSpec) => string | undefined;

// The searches in parallel, each paced; the matches so far are handed on as they grow.
async function searchAll(
  args: Pick<FindContactArgs, 'user' | 'authHeader'>,
  queries: readonly { spec: SearchSpec; field: string; value: string }[],
  phoneOf: PhoneOf,
  hooks?: Partial<FindHooks>,
) {
  const headers = insightlyHeaders(args.authHeader);
  const records: (unknown[] | undefined)[] = queries.map(() => undefined);
  // One contact per record from the searches answered so far, and whether some were left out.
  const collect = () => {
    const found = new Map<string, Contact>(); // type:id → one contact per record
    // At most SEARCH_LIMIT across all searches, as the message says: more than anyone reads.
    let cut = false;
    queries.forEach(({ spec }, index) => {
      // At most what was asked for (`top`): a longer answer (a proxy, a changed API) is cut.
      for (const entry of (records[index] ?? []).slice(0, SEARCH_LIMIT)) {
        const record = requireRecord(entry, `An Insightly ${spec.type}`);
        const contact = toContact(record, spec, phoneOf(record, spec));
        const key = `${spec.type}:${contact.id}`;
        if (found.has(key)) continue; // found by another field or spelling
        if (found.size >= SEARCH_LIMIT) {
          cut = true;
          break;
        }
        found.set(key, contact);
      }
    });
    // A full page means Insightly may have more (its search has no total or next link).
    const truncated = cut || records.some((list) => (list?.length ?? 0) >= SEARCH_LIMIT);
    return { contacts: [...found.values()], truncated };
  };
  let shown = 0;
  const search = async (index: number): Promise<void> => {
    const { spec, field, value } = queries[index]!;
    const params = { field_name: field, field_value: value, brief: false, top: SEARCH_LIMIT };
    await hooks?.pace?.();
    const url = insightlyUrl(args.user.hostname, `/${spec.segment}/Search`, params);
    const res = await http.get(url, { headers });
    records[index] = requireArray(res.data, `Insightly's ${spec.segment} search`);
    const { contacts } = collect();
    if (records.includes(undefined) && contacts.length > shown) {
      shown = contacts.length;
      hooks?.onPartial?.(contacts);
    }
  };

  await allAnswered(queries.map((_, index) => search(index)));
  return collect();
}

export async function findInsightlyContact(args: FindContactArgs, hooks?: FindHooks) {
  if (args.isExtension) return extensionNotSearched('Insightly');
  const { typed, e164 } = insightlySearchValues(args.phoneNumber, args.overridingFormat);
  const queries = Object.values(SPECS).flatMap((spec) =>
    spec.fields.flatMap((field, i) => {
      const values = i === 0 && e164 ? [e164, ...typed] : typed; // E.164 in PHONE only
      return [...new Set(values)].map((value) => ({ spec, field, value }));
    }),
  );
  const { contacts, truncated } = await searchAll(args, queries, () => args.phoneNumber, hooks);
  return phoneSearchResult('Insightly', contacts, truncated && SEARCH_LIMIT);
}

// Search matches whole field values: each word split is searched as first and last name ("Mary
// Ann|Smith", "Mary|Ann Smith"); the full name must then hold what was typed.
export async function findInsightlyContactWithName(args: FindContactWithNameArgs, hooks?: Pace) {
  const term = args.name.replace(/\s+/g, ' ').trim();
  if (term === '') throw new Error('Type a name to search Insightly.');
  const words = term.split(' ');
  const byEmail = term.includes('@');
  const queries = Object.values(SPECS).flatMap((spec) => {
    const of = (field: string, values: string[]) =>
      [...new Set(values)].filter(Boolean).map((value) => ({ spec, field, value }));
    if (byEmail) return of(spec.type === 'Lead' ? 'EMAIL' : 'EMAIL_ADDRESS', [term]);
    return [
      ...of('FIRST_NAME', [words[0]!, words.slice(0, -1).join(' ')]),
      ...of('LAST_NAME', [words.slice(1).join(' '), words.at(-1)!]),
    ];
  });
  const phoneOf: PhoneOf = (record, spec) =>
    spec.fields.map((field) => optionalText(record[field])).find(Boolean);
  const { contacts, truncated } = await searchAll(args, queries, phoneOf, hooks);
  const wanted = term.toLocaleLowerCase();
  const named = contacts.filter((c) => byEmail || c.name.toLocaleLowerCase().includes(wanted));
  return nameSearchResult('Insightly', term, named, truncated && SEARCH_LIMIT);
}
