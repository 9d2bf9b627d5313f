import type { EmulatorRequest, EmulatorResponse } from './harness.ts';
import type { InsightlyData, IsContact, IsLead } from './insightly-data.ts';
import { INSIGHTLY_USER } from './insightly-seed.ts';
import { Router } from './router.ts';
import { isRecord, scalarText, toInt } from './util.ts';

/**
 * Insightly runs on ASP.NET Web API: paths and query parameter names are case-insensitive and
 * errors are {"Message": "..."}. The 401 text is ASP.NET's stock one; other messages are
 * plausible guesses (the stored docs do not show error bodies).
 */
export function isErrorBody(status: number, message?: string): { Message: string } {
  const defaults: Record<number, string> = {
    400: 'The request is invalid.',
    401: 'Authorization has been denied for this request.',
    403: 'You do not have permission to perform this action.',
    404: 'Not Found',
    429: 'API rate limit exceeded.',
    500: 'An error has occurred.',
    503: 'Service Unavailable',
  };
  return { Message: message ?? defaults[status] ?? 'An error has occurred.' };
}

export function isError(status: number, message?: string): EmulatorResponse {
  return { status, body: isErrorBody(status, message) };
}

const CONTACT_STRING_FIELDS = [
  'FIRST_NAME',
  'LAST_NAME',
  'TITLE',
  'PHONE',
  'PHONE_HOME',
  'PHONE_MOBILE',
  'PHONE_OTHER',
  'EMAIL_ADDRESS',
] as const;
const LEAD_STRING_FIELDS = [
  'FIRST_NAME',
  'LAST_NAME',
  'TITLE',
  'PHONE',
  'MOBILE',
  'EMAIL',
  'ORGANISATION_NAME',
] as const;

export function insightlyRouter(data: InsightlyData): Router {
  const r = new Router(true);
  r.get('/v3.1/Contacts/Search', (req) => search(req, data, 'contact'));
  r.get('/v3.1/Contacts', (req) => list(req, data, 'contact'));
  r.get('/v3.1/Contacts/:id', (req, { id }) => {
    const c = data.contact(Number(id));
    return c ? ok(contactOut(c, brief(req))) : isError(404, 'Contact not found');
  });
  r.post('/v3.1/Contacts', (req) => {
    const fields = pick(req.body, CONTACT_STRING_FIELDS);
    if (typeof fields === 'string') return isError(400, fields);
    const body = isRecord(req.body) ? req.body : {};
    const orgId = body.ORGANISATION_ID == null ? null : toInt(body.ORGANISATION_ID, NaN);
    if (Number.isNaN(orgId)) return isError(400, 'ORGANISATION_ID must be a number');
    return ok(contactOut(data.addContact({ ...fields, ORGANISATION_ID: orgId }), false), 201);
  });
  // v3.1 updates are partial: the record is named by CONTACT_ID in the body, and fields the
  // request leaves out keep their values. Answers the whole record.
  r.put('/v3.1/Contacts', (req) => {
    const fields = pick(req.body, CONTACT_STRING_FIELDS);
    if (typeof fields === 'string') return isError(400, fields);
    const id = toInt((req.body as Record<string, unknown>).CONTACT_ID, NaN);
    if (!Number.isInteger(id)) return isError(400, 'CONTACT_ID is required');
    const contact = data.updateContact(id, fields);
    return contact ? ok(contactOut(contact, false)) : isError(404, 'Contact not found');
  });
  r.get('/v3.1/Leads/Search', (req) => search(req, data, 'lead'));
  r.get('/v3.1/Leads', (req) => list(req, data, 'lead'));
  r.get('/v3.1/Leads/:id', (req, { id }) => {
    const lead = data.lead(Number(id));
    return lead ? ok(leadOut(lead, brief(req))) : isError(404, 'Lead not found');
  });
  r.post('/v3.1/Leads', (req) => {
    const fields = pick(req.body, LEAD_STRING_FIELDS);
    if (typeof fields === 'string') return isError(400, fields);
    const last = fields.LAST_NAME?.trim();
    if (!last) return isError(400, 'LAST_NAME is required');
    return ok(leadOut(data.addLead({ ...fields, LAST_NAME: last }), false), 201);
  });
  // As for contacts, by LEAD_ID; a lead keeps a LAST_NAME, so one cannot be emptied.
  r.put('/v3.1/Leads', (req) => {
    const fields = pick(req.body, LEAD_STRING_FIELDS);
    if (typeof fields === 'string') return isError(400, fields);
    const id = toInt((req.body as Record<string, unknown>).LEAD_ID, NaN);
    if (!Number.isInteger(id)) return isError(400, 'LEAD_ID is required');
    const { LAST_NAME: last, ...rest } = fields;
    if (last !== undefined && !last?.trim()) return isError(400, 'LAST_NAME is required');
    const lead = data.updateLead(id, { ...rest, ...(last ? { LAST_NAME: last.trim() } : {}) });
    return lead ? ok(leadOut(lead, false)) : isError(404, 'Lead not found');
  });
  for (const [segment, type] of [
    ['Contacts', 'Contact'],
    ['Leads', 'Lead'],
  ] as const) {
    const exists = (id: number) =>
      (type === 'Contact' ? data.contact(id) : data.lead(id)) !== undefined;
    // Insightly answers a delete with 202 Accepted and no body.
    r.delete(`/v3.1/${segment}/:id`, (_req, { id }) =>
      data.deleteRecord(type, toInt(id, NaN)) ? { status: 202 } : isError(404, `${type} not found`),
    );
    r.get(`/v3.1/${segment}/:id/Notes`, (req, { id }) => {
      if (!exists(Number(id))) return isError(404, `${type} not found`);
      // Paged like Insightly's other lists (top 1-500, default 100; skip), in data.noteOrder.
      const q = req.params;
      const top = Math.min(500, Math.max(1, toInt(q.get('top'), 100)));
      const skip = Math.max(0, toInt(q.get('skip'), 0));
      const notes = data
        .notes()
        .filter((n) => n.LINK_SUBJECT_TYPE === type && n.LINK_SUBJECT_ID === Number(id));
      if (data.noteOrder === 'newestFirst') notes.reverse();
      return ok(notes.slice(skip, skip + top));
    });
    r.post(`/v3.1/${segment}/:id/Notes`, (req, { id }) => {
      if (!exists(Number(id))) return isError(404, `${type} not found`);
      const b = isRecord(req.body) ? req.body : {};
      if (typeof b.TITLE !== 'string' || !b.TITLE.trim()) return isError(400, 'TITLE is required');
      const body = typeof b.BODY === 'string' ? b.BODY : null;
      return ok(data.addNote(type, Number(id), b.TITLE, body), 201);
    });
  }
  // Updates a note's TITLE and BODY by NOTE_ID in the body; answers the note. Fields the
  // request leaves out stay as they were; LINK_SUBJECT_* cannot move a note to another record.
  r.put('/v3.1/Notes', (req) => {
    const b = isRecord(req.body) ? req.body : {};
    const id = toInt(b.NOTE_ID, NaN);
    if (!Number.isInteger(id)) return isError(400, 'NOTE_ID is required');
    if (b.TITLE !== undefined && (typeof b.TITLE !== 'string' || !b.TITLE.trim())) {
      return isError(400, 'TITLE is required');
    }
    if (b.BODY !== undefined && b.BODY !== null && typeof b.BODY !== 'string') {
      return isError(400, 'BODY must be a string');
    }
    const note = data.updateNote(id, {
      ...(typeof b.TITLE === 'string' ? { TITLE: b.TITLE } : {}),
      ...(typeof b.BODY === 'string' || b.BODY === null ? { BODY: b.BODY } : {}),
    });
    return note ? ok(note) : isError(404, 'Note not found');
  });
  // Insightly answers a delete with 202 Accepted and no body.
  r.delete('/v3.1/Notes/:id', (_req, { id }) =>
    data.deleteNote(toInt(id, NaN)) ? { status: 202 } : isError(404, 'Note not found'),
  );
  r.get('/v3.1/Organisations/:id', (_req, { id }) => {
    const org = data.org(Number(id));
    return org
      ? ok({ ...org, BACKGROUND: null, IMAGE_URL: null, OWNER_USER_ID: INSIGHTLY_USER.USER_ID })
      : isError(404, 'Organisation not found');
  });
  r.get('/v3.1/Users', () => ok([{ ...INSIGHTLY_USER, ACTIVE: true }]));
  r.get('/v3.1/Users/Me', () =>
    ok({
      ...INSIGHTLY_USER,
      ADMINISTRATOR: true,
      ACCOUNT_OWNER: true,
      ACTIVE: true,
      DATE_CREATED_UTC: '2023-01-01 00:00:00',
    }),
  );
  return r;
}

/**
 * `GET /v3.1/Contacts` (or `/Leads`): every record, paged. Its documented parameters are brief,
 * skip, top and count_total; filtering by field is `/Search` only, so a field_name sent here
 * filters nothing, as on Insightly, and a client that sends it to the wrong path gets everyone.
 */
function list(
  req: EmulatorRequest,
  data: InsightlyData,
  kind: 'contact' | 'lead',
): EmulatorResponse {
  const records: (IsContact | IsLead)[] = kind === 'contact' ? data.contacts() : data.leads();
  return onePage(req, kind, records);
}

/**
 * field_name + field_value filter with an EXACT, case-insensitive comparison of the stored
 * string (no phone normalisation): '(415) 555-0144' does not find '+1 415 555 0144'.
 */
function search(
  req: EmulatorRequest,
  data: InsightlyData,
  kind: 'contact' | 'lead',
): EmulatorResponse {
  const q = lowerParams(req.params);
  const fieldName = q.get('field_name')?.toUpperCase();
  const fieldValue = q.get('field_value');
  if ((fieldName === undefined) !== (fieldValue === undefined)) {
    return isError(400, 'field_name and field_value must be supplied together');
  }
  const records: (IsContact | IsLead)[] = kind === 'contact' ? data.contacts() : data.leads();
  const idKey = kind === 'contact' ? 'CONTACT_ID' : 'LEAD_ID';
  if (fieldName !== undefined && records.length > 0 && !(fieldName in records[0]!)) {
    return isError(400, `Invalid field_name: ${fieldName}`);
  }
  const now = Date.now();
  const matches = records
    .filter((rec) =>
      data.isSearchable(kind, (rec as unknown as Record<string, number>)[idKey]!, now),
    )
    .filter((rec) => {
      if (fieldName === undefined || fieldValue === undefined) return true;
      const stored = scalarText((rec as unknown as Record<string, unknown>)[fieldName]);
      return stored !== null && stored.toLowerCase() === fieldValue.toLowerCase();
    });
  return onePage(req, kind, matches);
}

/** One page (top 1-500, default 100; skip) of records, as a bare array. */
function onePage(
  req: EmulatorRequest,
  kind: 'contact' | 'lead',
  matches: readonly (IsContact | IsLead)[],
): EmulatorResponse {
  const q = lowerParams(req.params);
  const top = Math.min(500, Math.max(1, toInt(q.get('top'), 100)));
  const skip = Math.max(0, toInt(q.get('skip'), 0));
  const rows = matches.slice(skip, skip + top);
  const out = rows.map((rec) =>
    kind === 'contact'
      ? contactOut(rec as IsContact, brief(req))
      : leadOut(rec as IsLead, brief(req)),
  );
  // count_total: assumed to come back as a header; the stored docs do not say.
  const headers: Record<string, string> =
    q.get('count_total') === 'true' ? { 'x-total-count': String(matches.length) } : {};
  return { status: 200, body: out, headers }; // a bare array, no envelope
}

function contactOut(c: IsContact, isBrief: boolean): Record<string, unknown> {
  const base = {
    SALUTATION: null,
    IMAGE_URL: null,
    BACKGROUND: null,
    DATE_OF_BIRTH: null,
    PHONE_FAX: null,
    PHONE_ASSISTANT: null,
    ASSISTANT_NAME: null,
    NEXT_ACTIVITY_DATE_UTC: null,
    CREATED_USER_ID: INSIGHTLY_USER.USER_ID,
    EMAIL_OPTED_OUT: false,
    ...c,
  };
  return isBrief ? base : { ...base, CUSTOMFIELDS: [], TAGS: [], DATES: [], LINKS: [] };
}

function leadOut(l: IsLead, isBrief: boolean): Record<string, unknown> {
  const base = {
    SALUTATION: null,
    FAX: null,
    WEBSITE: null,
    LEAD_DESCRIPTION: null,
    LEAD_STATUS_ID: 1,
    LEAD_SOURCE_ID: null,
    CONVERTED: false,
    NEXT_ACTIVITY_DATE_UTC: null,
    CREATED_USER_ID: INSIGHTLY_USER.USER_ID,
    EMAIL_OPTED_OUT: false,
    ...l,
  };
  return isBrief ? base : { ...base, CUSTOMFIELDS: [], TAGS: [], LINKS: [] };
}

function brief(req: EmulatorRequest): boolean {
  return lowerParams(req.params).get('brief')?.toLowerCase() === 'true';
}

function lowerParams(params: URLSearchParams): Map<string, string> {
  return new Map([...params].map(([k, v]) => [k.toLowerCase(), v]));
}

/** Copies known string fields from a body; a message string when a field has the wrong type. */
function pick<K extends string>(
  body: unknown,
  keys: readonly K[],
): Partial<Record<K, string | null>> | string {
  if (!isRecord(body)) return 'The request body must be a JSON object';
  const out: Partial<Record<K, string | null>> = {};
  for (const key of keys) {
    const v = body[key];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string') return `${key} must be a string`;
    out[key] = v;
  }
  return out;
}

function ok(body: unknown, status = 200): EmulatorResponse {
  return { status, body };
}
