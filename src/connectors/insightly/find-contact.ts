// Exact-match searches per phone field and search value, in parallel; a 429 retries only those
// that failed. Contacts' organisation names are not fetched: a request each on every pop.
import { withSlot } from '@/platform/worker/http/limiter';
import { resumableOn429 } from '../shared/resumable';
import { classifyError } from '@/platform/worker/http/errors';
import { http } from '@/platform/worker/http/client';
import {
  CREATE_NEW_CONTACT,
  type Contact,
  type FindContactResult,
} from '@/features/lookup/model/contact';
import {
  optionalText,
  requireArray,
  requireId,
  requireRecord,
  type JsonRecord,
} from '../shared/guards';
import { mapLimited } from '../shared/pool';
import { extensionNotSearched, moreMatchesThanShown } from '../shared/outcome';
import { buildUrl } from '../shared/wire';
import type { FindContactArgs } from '../types';
import { apiPath, insightlyApiHost, insightlyHeaders } from './auth';
import { INSIGHTLY_TYPES, type InsightlyType } from './manifest';
import { insightlySearchValues } from './search-values';

interface SearchSpec {
  type: InsightlyType;
  segment: 'Contacts' | 'Leads';
  idField: 'CONTACT_ID' | 'LEAD_ID';
  fields: readonly string[];
}

const SEARCHES: readonly SearchSpec[] = [
  {
    type: INSIGHTLY_TYPES.contact,
    segment: 'Contacts',
    idField: 'CONTACT_ID',
    fields: ['PHONE', 'PHONE_MOBILE'],
  },
  { type: INSIGHTLY_TYPES.lead, segment: 'Leads', idField: 'LEAD_ID', fields: ['PHONE', 'MOBILE'] },
];

// Searches in flight per Insightly host across all lookups: below its ~10 requests a second with
// room for a save; a lookup's 12 searches still take two round trips.
export const MAX_IN_FLIGHT = 8;

/** Insightly's `YYYY-MM-DD HH:mm:ss` _UTC fields as explicit ISO 8601 UTC. */
function insightlyUtc(value: unknown): string | undefined {
  const text = optionalText(value);
  if (!text) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(text);
  return m ? `${m[1]}T${m[2]}Z` : text;
}

export function insightlyName(record: JsonRecord): string {
  const name = [optionalText(record.FIRST_NAME), optionalText(record.LAST_NAME)]
    .filter(Boolean)
    .join(' ');
  return name || 'Unnamed record';
}

function toContact(record: JsonRecord, spec: SearchSpec, phoneNumber: string): Contact {
  const title = optionalText(record.TITLE);
  const email = optionalText(record[spec.type === 'Lead' ? 'EMAIL' : 'EMAIL_ADDRESS']);
  const company = spec.type === 'Lead' ? optionalText(record.ORGANISATION_NAME) : undefined;
  const created = insightlyUtc(record.DATE_CREATED_UTC);
  const active =
    insightlyUtc(record.LAST_ACTIVITY_DATE_UTC) ?? insightlyUtc(record.DATE_UPDATED_UTC);
  return {
    id: requireId(record[spec.idField], `An Insightly ${spec.type.toLowerCase()}`),
    name: insightlyName(record),
    phone: phoneNumber,
    type: spec.type,
    ...(title ? { title } : {}),
    ...(company ? { company } : {}),
    ...(email ? { email } : {}),
    ...(created ? { createdDate: created } : {}),
    ...(active ? { mostRecentActivityDate: active } : {}),
    additionalInfo: null,
  };
}

/** The most records one search request returns (Insightly's `top` cap). */
export const SEARCH_LIMIT = 500;

interface SearchQuery {
  spec: SearchSpec;
  field: string;
  value: string;
}

export async function findInsightlyContact(args: FindContactArgs): Promise<FindContactResult> {
  if (args.isExtension) return extensionNotSearched('Insightly');
  const headers = insightlyHeaders(args.authHeader);
  const host = insightlyApiHost(args.user.hostname);
  const values = insightlySearchValues(args.phoneNumber, args.overridingFormat);
  const queries: SearchQuery[] = SEARCHES.flatMap((spec) =>
    spec.fields.flatMap((field) => values.map((value) => ({ spec, field, value }))),
  );

  const records: (unknown[] | undefined)[] = queries.map(() => undefined);
  const search = async (index: number): Promise<void> => {
    const { spec, field, value } = queries[index] as SearchQuery;
    const url = buildUrl(host, apiPath(`/${spec.segment}/Search`), {
      field_name: field,
      field_value: value,
      brief: false,
      top: SEARCH_LIMIT,
    });
    const res = await withSlot(`insightly-search:${host}`, MAX_IN_FLIGHT, () =>
      http.get(url, { headers }),
    );
    records[index] = requireArray(res.data, `Insightly's ${spec.segment} search`);
  };

  // Sends the searches still unanswered; after a 429 the engine calls it again, so searches
  // that succeeded are never sent twice.
  const searchRemaining = async (): Promise<FindContactResult> => {
    const missing = queries.map((_, i) => i).filter((i) => records[i] === undefined);
    const failures: unknown[] = [];
    try {
      await mapLimited(missing, MAX_IN_FLIGHT, (index) =>
        search(index).catch((error: unknown) => {
          failures.push(error);
          throw error;
        }),
      );
    } catch (first) {
      // Any failure but a 429 ends the lookup; among 429s, the longest Retry-After is waited.
      const final =
        failures.find((e) => classifyError(e).kind !== 'rateLimited') ??
        failures.reduce(
          (a, b) =>
            (classifyError(b).retryAfterMs ?? 0) > (classifyError(a).retryAfterMs ?? 0) ? b : a,
          first,
        );
      throw resumableOn429(final, searchRemaining);
    }
    return toResult(args, queries, records as unknown[][]);
  };
  return searchRemaining();
}

function toResult(
  args: FindContactArgs,
  queries: readonly SearchQuery[],
  records: readonly unknown[][],
): FindContactResult {
  const found = new Map<string, Contact>(); // type:id → one contact per record
  // At most SEARCH_LIMIT across all searches, as the message says: more than anyone reads.
  let cut = false;
  queries.forEach(({ spec }, index) => {
    // At most what was asked for (`top`): a longer answer (a proxy, a changed API) is cut.
    for (const entry of (records[index] as unknown[]).slice(0, SEARCH_LIMIT)) {
      const contact = toContact(
        requireRecord(entry, `An Insightly ${spec.type}`),
        spec,
        args.phoneNumber,
      );
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
  const truncated = cut || records.some((list) => list.length >= SEARCH_LIMIT);
  return {
    successful: true,
    matchedContactInfo: [...found.values(), { ...CREATE_NEW_CONTACT }],
    ...(truncated ? { returnMessage: moreMatchesThanShown('Insightly', SEARCH_LIMIT) } : {}),
  };
}
