import type { EmulatorRequest, EmulatorResponse } from './harness.ts';
import {
  normaliseFields,
  type PdCallLog,
  type PdPerson,
  type PipedriveData,
} from './pipedrive-data.ts';
import { pdError, pdOk, v1Lead, v2Deal, v2Person, v2SearchItem } from './pipedrive-format.ts';
import { PIPEDRIVE_COLLEAGUE, PIPEDRIVE_USER } from './pipedrive-seed.ts';
import { Router } from './router.ts';
import {
  SQL_TIME_RE,
  decodeCursor,
  digits,
  encodeCursor,
  isRecord,
  scalarText,
  toInt,
} from './util.ts';

const SEARCH_FIELDS = ['name', 'email', 'phone', 'notes', 'custom_fields'];
export const CALL_OUTCOMES = [
  'connected',
  'no_answer',
  'left_message',
  'left_voicemail',
  'wrong_number',
  'busy',
] as const;

/** Pipedrive paths are case-sensitive: /V1/persons is a 404 there too. */
export function pipedriveRouter(data: PipedriveData): Router {
  return (
    new Router(false)
      .get('/api/v2/persons/search', (req) => searchPersons(req, data))
      .get('/api/v2/persons', (req) => listPersons(req, data))
      .get('/api/v2/persons/:id', (_req, { id }) => {
        const person = data.person(Number(id));
        return person ? pdOk(v2Person(person)) : pdError(404, 'Person not found');
      })
      // POST /v1/persons and PUT /v1/persons/{id} are deprecated and out of support (August
      // 2026): they are left out, so a client still using them gets a 404 here.
      .post('/api/v2/persons', (req) => createPerson(req, data))
      .on('PATCH', '/api/v2/persons/:id', (req, { id }) => updatePerson(req, Number(id), data))
      .delete('/api/v2/persons/:id', (_req, { id }) => {
        if (!data.person(Number(id))) return pdError(404, 'Person not found');
        data.deletePerson(Number(id));
        return pdOk({ id: Number(id) });
      })
      .get('/api/v2/deals', (req) => {
        const personId = req.params.get('person_id');
        const status = req.params.get('status');
        const deals = data
          .deals()
          .filter((d) => personId === null || d.person_id === Number(personId))
          .filter((d) => !status || d.status === status);
        return pdOk(deals.map(v2Deal), { next_cursor: null });
      })
      .get('/v1/leads', (req) => {
        const personId = req.params.get('person_id');
        const leads = data
          .leads()
          .filter((l) => personId === null || l.person_id === Number(personId));
        return pdOk(leads.map(v1Lead), {
          pagination: { start: 0, limit: 100, more_items_in_collection: false },
        });
      })
      .post('/v1/callLogs', (req) => createCallLog(req, data))
      .get('/v1/callLogs', (req) => listCallLogs(req, data))
      .get('/v1/callLogs/:id', (_req, { id }) => {
        const log = data.callLogs().find((l) => l.id === id);
        return log ? pdOk(callLogOut(log)) : pdError(404, 'Call log not found');
      })
      .delete('/v1/callLogs/:id', (_req, { id }) => deleteCallLog(id ?? '', data))
      .get('/v1/users', () =>
        pdOk([PIPEDRIVE_USER, PIPEDRIVE_COLLEAGUE].map((u) => ({ ...u, active_flag: true }))),
      )
      .get('/v1/users/me', () =>
        pdOk({
          ...PIPEDRIVE_USER,
          default_currency: 'USD',
          locale: 'en_US',
          lang: 1,
          timezone_name: 'UTC',
          is_admin: 1,
          active_flag: true,
        }),
      )
  );
}

function searchPersons(req: EmulatorRequest, data: PipedriveData): EmulatorResponse {
  const term = (req.params.get('term') ?? '').trim();
  const exact = ['true', '1'].includes(req.params.get('exact_match') ?? '');
  // Docs: minimum 2 characters, or 1 with exact_match. The message text is our guess.
  if (term.length < (exact ? 1 : 2)) {
    return pdError(400, 'Search term must be at least 2 characters long');
  }
  const fields = (req.params.get('fields') ?? SEARCH_FIELDS.join(','))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const invalid = fields.filter((f) => !SEARCH_FIELDS.includes(f));
  if (invalid.length > 0) return pdError(400, `Invalid field(s): ${invalid.join(', ')}`);
  const page = pageOf(req);
  if (!page) return pdError(400, 'Invalid cursor');

  const now = Date.now();
  const scored = data
    .persons()
    .filter((p) => p.searchable_at <= now) // not yet indexed = invisible to search
    .map((p) => ({ p, score: scorePerson(p, term, fields, exact) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.p.id - b.p.id);
  const slice = scored.slice(page.offset, page.offset + page.limit);
  const next =
    page.offset + page.limit < scored.length ? encodeCursor(page.offset + page.limit) : null;
  return pdOk(
    { items: slice.map(({ p, score }) => ({ result_score: score, item: v2SearchItem(p, data) })) },
    { next_cursor: next },
  );
}

/**
 * Phone search compares digits only (Pipedrive normalises numbers): the term's digits must
 * appear inside a stored number's digits, so '4155550133' finds '+1 415.555.0133' but
 * '+14155550133' does not find '415.555.0133' (no country code stored). Name/email: substring.
 */
function scorePerson(p: PdPerson, term: string, fields: string[], exact: boolean): number {
  let best = 0;
  const termDigits = digits(term);
  if (fields.includes('phone') && termDigits.length > 0) {
    for (const phone of p.phones) {
      const d = digits(phone.value);
      if (exact ? d === termDigits : d.includes(termDigits)) {
        best = Math.max(best, termDigits.length / d.length);
      }
    }
  }
  const lower = term.toLowerCase();
  const textMatch = (value: string) =>
    exact ? value.toLowerCase() === lower : value.toLowerCase().includes(lower);
  if (fields.includes('name') && textMatch(p.name)) {
    best = Math.max(best, lower.length / p.name.length);
  }
  if (fields.includes('email') && p.emails.some((e) => textMatch(e.value))) {
    best = Math.max(best, 0.5);
  }
  return Math.round(best * 1000) / 1000;
}

const PERSON_SORT_FIELDS = ['id', 'update_time', 'add_time'] as const;

/**
 * v2 list: sort_by id (default), update_time or add_time; sort_direction asc (default) or desc;
 * filters ids, owner_id and org_id. The list reads stored persons, not the search index, so a
 * person is listed as soon as it is created.
 */
function listPersons(req: EmulatorRequest, data: PipedriveData): EmulatorResponse {
  const page = pageOf(req);
  if (!page) return pdError(400, 'Invalid cursor');
  const sortBy = req.params.get('sort_by') ?? 'id';
  const direction = req.params.get('sort_direction') ?? 'asc';
  if (!(PERSON_SORT_FIELDS as readonly string[]).includes(sortBy)) {
    return pdError(400, `sort_by must be one of: ${PERSON_SORT_FIELDS.join(', ')}`);
  }
  if (direction !== 'asc' && direction !== 'desc') {
    return pdError(400, 'sort_direction must be one of: asc, desc');
  }
  const key = (p: PdPerson) =>
    sortBy === 'id'
      ? p.id
      : Date.parse(sortBy === 'add_time' ? (p.add_time ?? '') : (p.update_time ?? '')) || 0;
  const sign = direction === 'desc' ? -1 : 1;
  let persons = [...data.persons()].sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
  const ownerId = req.params.get('owner_id');
  if (ownerId !== null) persons = persons.filter((p) => p.owner_id === Number(ownerId));
  const idsParam = req.params.get('ids');
  if (idsParam !== null) {
    const ids = idsParam.split(',').map((s) => Number(s.trim()));
    if (ids.some((n) => !Number.isInteger(n) || n <= 0)) return pdError(400, 'Invalid ids');
    if (ids.length > 100) return pdError(400, 'ids can contain at most 100 items');
    persons = persons.filter((p) => ids.includes(p.id)); // unknown ids are simply absent
  }
  const orgId = req.params.get('org_id');
  if (orgId !== null) persons = persons.filter((p) => p.org_id === Number(orgId));
  const slice = persons.slice(page.offset, page.offset + page.limit);
  const next =
    page.offset + page.limit < persons.length ? encodeCursor(page.offset + page.limit) : null;
  // include_fields adds counts; open_deals_count is the one CallPop asks for.
  const counted = (req.params.get('include_fields') ?? '').split(',').includes('open_deals_count');
  const openDeals = (id: number) =>
    data.deals().filter((d) => d.person_id === id && d.status === 'open').length;
  return pdOk(
    slice.map((p) =>
      counted ? { ...v2Person(p), open_deals_count: openDeals(p.id) } : v2Person(p),
    ),
    { next_cursor: next },
  );
}

/**
 * v2 person fields as the v2 docs type them. v2 validates strictly: numbers are not coerced from
 * strings, and phones/emails are lists of { value, primary, label } objects. Messages are ours.
 */
function v2PersonFields(body: Record<string, unknown>, requireName: boolean): string | null {
  if (body.name !== undefined || requireName) {
    if (typeof body.name !== 'string' || !body.name.trim()) return 'name must be given';
  }
  for (const key of ['owner_id', 'org_id', 'visible_to']) {
    const value = body[key];
    if (value !== undefined && value !== null && !Number.isInteger(value)) {
      return `${key} must be an integer`;
    }
  }
  for (const key of ['phones', 'emails']) {
    const list = body[key];
    if (list === undefined) continue;
    const fields = Array.isArray(list) ? list : null;
    if (!fields?.every((f) => isRecord(f) && typeof f.value === 'string')) {
      return `${key} must be an array of objects with a string value`;
    }
  }
  return null;
}

function createPerson(req: EmulatorRequest, data: PipedriveData): EmulatorResponse {
  const body = isRecord(req.body) ? req.body : {};
  const invalid = v2PersonFields(body, true);
  if (invalid) return pdError(400, invalid);
  const person = data.addPerson({
    name: (body.name as string).trim(),
    phones: normaliseFields(body.phones, 'work'),
    emails: normaliseFields(body.emails, 'work'),
    org_id: typeof body.org_id === 'number' ? body.org_id : null,
    owner_id: typeof body.owner_id === 'number' ? body.owner_id : PIPEDRIVE_USER.id,
  });
  // The v2 reference documents a 200 answer with the new person.
  return pdOk(v2Person(person));
}

/**
 * `PATCH /api/v2/persons/{id}`: only the fields sent change (`name`, `phones`, `emails`,
 * `org_id` here); answers the v2 person. Unknown id: 404 (texts are ours).
 */
function updatePerson(req: EmulatorRequest, id: number, data: PipedriveData): EmulatorResponse {
  const body = isRecord(req.body) ? req.body : {};
  const invalid = v2PersonFields(body, false);
  if (invalid) return pdError(400, invalid);
  const person = data.updatePerson(id, {
    ...(typeof body.name === 'string' ? { name: body.name.trim() } : {}),
    ...(body.phones !== undefined ? { phones: normaliseFields(body.phones, 'work') } : {}),
    ...(body.emails !== undefined ? { emails: normaliseFields(body.emails, 'work') } : {}),
    ...(body.org_id !== undefined ? { org_id: body.org_id as number | null } : {}),
  });
  return person ? pdOk(v2Person(person)) : pdError(404, 'Person not found');
}

function createCallLog(req: EmulatorRequest, data: PipedriveData): EmulatorResponse {
  const b = isRecord(req.body) ? req.body : {};
  for (const field of ['outcome', 'to_phone_number', 'start_time', 'end_time']) {
    if (b[field] === undefined || b[field] === null || b[field] === '') {
      return pdError(400, `${field} is required`);
    }
  }
  if (!(CALL_OUTCOMES as readonly unknown[]).includes(b.outcome)) {
    return pdError(400, `outcome must be one of: ${CALL_OUTCOMES.join(', ')}`);
  }
  for (const field of ['start_time', 'end_time']) {
    if (typeof b[field] !== 'string' || !SQL_TIME_RE.test(b[field])) {
      return pdError(400, `${field} must be in format YYYY-MM-DD HH:MM:SS`);
    }
  }
  // Docs: "A call log can be associated with either a deal or a lead, but not both at once."
  // (The error text is a guess.)
  if (b.deal_id != null && b.deal_id !== '' && b.lead_id != null && b.lead_id !== '') {
    return pdError(400, 'A call log can be linked to a deal or a lead, not both');
  }
  const duration = b.duration === undefined || b.duration === null ? null : scalarText(b.duration);
  if ((b.duration != null && duration === null) || (duration !== null && !/^\d+$/.test(duration))) {
    return pdError(400, 'duration must be a number of seconds');
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) =>
    v === undefined || v === null || v === '' ? null : toInt(v, 0) || null;
  const log = data.addCallLog({
    activity_id: num(b.activity_id),
    person_id: num(b.person_id),
    org_id: num(b.org_id),
    deal_id: num(b.deal_id),
    lead_id: str(b.lead_id),
    subject: str(b.subject),
    duration,
    outcome: b.outcome as string,
    from_phone_number: str(b.from_phone_number),
    to_phone_number: scalarText(b.to_phone_number) ?? '',
    start_time: b.start_time as string,
    end_time: b.end_time as string,
    note: str(b.note),
  });
  return pdOk(callLogOut(log));
}

/** A call log as the docs show it in answers: times in ISO 8601 (`2022-12-12T01:01:01.000Z`). */
function callLogOut(log: PdCallLog): PdCallLog {
  const iso = (time: string) => `${time.replace(' ', 'T')}.000Z`;
  return { ...log, start_time: iso(log.start_time), end_time: iso(log.end_time) };
}

/**
 * The user's call logs, v1 offset paging (limit at most 50, per the docs). The docs do not say
 * the order; the emulator lists the newest first.
 */
function listCallLogs(req: EmulatorRequest, data: PipedriveData): EmulatorResponse {
  const start = Math.max(0, toInt(req.params.get('start'), 0));
  const limit = Math.min(50, Math.max(1, toInt(req.params.get('limit'), 50)));
  const stored = [...data.callLogs()];
  const all = data.callLogOrder === 'newestFirst' ? stored.reverse() : stored;
  const slice = all.slice(start, start + limit);
  return pdOk(slice.length > 0 ? slice.map(callLogOut) : null, {
    pagination: { start, limit, more_items_in_collection: start + limit < all.length },
  });
}

/**
 * Docs: 200 `{success: true}`; 404 for an unknown id, 410 for one deleted before (the error
 * texts are guesses). v1 has no way to edit a call log.
 */
function deleteCallLog(id: string, data: PipedriveData): EmulatorResponse {
  const outcome = data.deleteCallLog(id);
  if (outcome === 'gone') return pdError(410, 'Call log is deleted');
  return outcome === 'deleted'
    ? { status: 200, body: { success: true } }
    : pdError(404, 'Call log not found');
}

function pageOf(req: EmulatorRequest): { offset: number; limit: number } | null {
  const offset = decodeCursor(req.params.get('cursor') ?? undefined);
  if (offset === null) return null;
  const limit = Math.min(500, Math.max(1, toInt(req.params.get('limit'), 100)));
  return { offset, limit };
}
