// Persons through API v2 (v1 person writes are out of support since August 2026), call logs
// through v1 (they have no v2 yet).
import { http } from '@/platform/worker/http/client';
import { isRecord, optionalText, requireArray, requireId, requireRecord } from '../shared/guards';
import { rowsAtEitherEnd } from '../shared/either-end';
import { collapseName, sameName } from '../shared/names';
import { CALL_LOGGED, CONTACT_CREATED, callSpan, noteHtml, requireE164 } from '../shared/outcome';
import { madeSince, sameDigits, sameInstant, sameText } from '../shared/same-meaning';
import { buildUrl, deleteIfThere, sqlUtc } from '../shared/wire';
import type { AddPhoneNumberArgs, CreateCallLogArgs, CreateContactArgs, SaveCheck } from '../types';
import { pipedriveHeaders } from './auth';
import { pipedriveData } from './find-contact';
import { PIPEDRIVE_PERSON_TYPE } from './manifest';

/** How many of the user's newest persons a retry reads (one request). */
const NEWEST_PERSONS = 100;

// Reads the newest persons, not the search: the search indexes new persons after a delay, so it
// can miss one created seconds ago.
async function samePersons(args: CreateContactArgs, since: number): Promise<string[]> {
  const ownerId = Number(args.user.id);
  const url = buildUrl(args.user.hostname, '/api/v2/persons', {
    sort_by: 'add_time',
    sort_direction: 'desc',
    limit: NEWEST_PERSONS,
    // New persons belong to the token's user unless told otherwise.
    owner_id: Number.isInteger(ownerId) && ownerId > 0 ? ownerId : undefined,
  });
  const res = await http.get(url, { headers: pipedriveHeaders(args.authHeader) });
  const data = pipedriveData(res.data, 'the persons list');
  // An account with no persons may answer null rather than an empty list.
  const persons = data === null ? [] : requireArray(data, 'The persons list');
  const phone = requireE164(args.phoneNumber);
  return persons
    .filter(isRecord)
    .filter(
      (p) =>
        madeSince(p.add_time, since) &&
        sameName(p.name, collapseName(args.newContactName)) &&
        Array.isArray(p.phones) &&
        p.phones.some((f) => isRecord(f) && sameDigits(f.value, phone)),
    )
    .map((p) => String(requireId(p.id, 'A person')));
}

export async function createPipedriveContact(args: CreateContactArgs) {
  const headers = pipedriveHeaders(args.authHeader);
  const name = collapseName(args.newContactName);
  // v2 takes phones as a list of { value, primary, label } objects, never a bare string.
  const body = { name, phones: [{ value: requireE164(args.phoneNumber), primary: true }] };
  const res = await http.post(buildUrl(args.user.hostname, '/api/v2/persons'), body, { headers });
  const person = requireRecord(pipedriveData(res.data, 'the new person'), 'The new person');
  const id = requireId(person.id, 'The new person');
  return {
    contactInfo: { id, name: optionalText(person.name) ?? name, type: PIPEDRIVE_PERSON_TYPE },
    returnMessage: CONTACT_CREATED,
  };
}

// v2 replaces the whole phones list: the person's own are sent back as they are, the new one after
// them and not primary (unless it is the only one).
export async function addPipedrivePhoneNumber(args: AddPhoneNumberArgs): Promise<void> {
  const phone = requireE164(args.phoneNumber, 'The number to add');
  const headers = pipedriveHeaders(args.authHeader);
  const id = encodeURIComponent(String(args.contact.id));
  const url = buildUrl(args.user.hostname, `/api/v2/persons/${id}`);
  const res = await http.get(url, { headers });
  const person = requireRecord(pipedriveData(res.data, 'the person'), 'The person');
  const phones = (Array.isArray(person.phones) ? person.phones.filter(isRecord) : [])
    .filter((f) => optionalText(f.value) !== undefined)
    .map(({ value, primary, label }) => ({ value, primary: primary === true, label }));
  if (phones.some((f) => sameDigits(f.value, phone))) return;
  phones.push({ value: phone, primary: phones.length === 0, label: undefined });
  await http.patch(url, { phones }, { headers });
}

// Pipedrive's outcomes; connected and busy it names as CallPop does.
const OUTCOMES: Record<string, string> = { missed: 'no_answer', voicemail: 'left_voicemail' };

/** A deal or lead id from the log form, or undefined when none was chosen. */
const chosen = (value: string | number | undefined) => (value === '' ? undefined : value);

/** The call log's body, and why Pipedrive would refuse it (checked before anything is sent). */
function callLogFields(args: CreateCallLogArgs) {
  const { call } = args;
  const { start, end } = callSpan(call);
  const other = call.phoneNumber;
  const own = call.ownNumber || undefined;
  // to_phone_number is required: when the softphone did not tell us our own number, an inbound
  // call records the caller's number there too rather than failing to log.
  const from = call.direction === 'Inbound' ? other : own;
  const to = call.direction === 'Inbound' ? (own ?? other) : other;
  const dealId = chosen(args.additionalSubmission.deals);
  const leadId = chosen(args.additionalSubmission.leads);
  const body = {
    person_id: Number(args.contact.id),
    subject: args.subject,
    duration: String(Math.round(call.durationSeconds)),
    outcome: OUTCOMES[call.result] ?? call.result,
    ...(from ? { from_phone_number: from } : {}),
    to_phone_number: to,
    start_time: sqlUtc(start),
    end_time: sqlUtc(end),
    note: noteHtml(args.note),
    ...(dealId !== undefined ? { deal_id: Number(dealId) } : {}),
    ...(leadId !== undefined ? { lead_id: String(leadId) } : {}),
  };
  let refusal: string | null = null;
  if (!Number.isInteger(body.person_id)) {
    refusal = 'Choose a Pipedrive person to log against.';
  } else if (body.deal_id !== undefined && !Number.isInteger(body.deal_id)) {
    // Number('abc') is NaN, which JSON sends as null: the log would silently lose its deal.
    refusal = `"${String(dealId)}" is not a Pipedrive deal. Choose the deal again.`;
  } else if (dealId !== undefined && leadId !== undefined) {
    // Pipedrive links a call log to a deal or to a lead, never to both at once.
    refusal = 'Pipedrive links a call to a deal or to a lead, not both: clear one of them.';
  }
  return { body, refusal };
}

export async function createPipedriveCallLog(args: CreateCallLogArgs) {
  const headers = pipedriveHeaders(args.authHeader);
  const { body, refusal } = callLogFields(args);
  if (refusal) throw new Error(refusal);
  const res = await http.post(buildUrl(args.user.hostname, '/v1/callLogs'), body, { headers });
  const log = requireRecord(pipedriveData(res.data, 'the new call log'), 'The new call log');
  return { logId: String(requireId(log.id, 'The new call log')), returnMessage: CALL_LOGGED };
}

/** Pipedrive's page size cap for `GET /v1/callLogs`. */
const CALL_LOG_PAGE = 50;
/** The most pages read to find the end of the list (the API gives no total). */
export const MAX_CALL_LOG_PAGES = 14;

async function callLogPage(args: CreateCallLogArgs, index: number) {
  const query = { start: index * CALL_LOG_PAGE, limit: CALL_LOG_PAGE };
  const url = buildUrl(args.user.hostname, '/v1/callLogs', query);
  const res = await http.get(url, { headers: pipedriveHeaders(args.authHeader) });
  const list = pipedriveData(res.data, 'the call logs');
  const rows = (Array.isArray(list) ? list : []).filter(isRecord);
  type Paged = { additional_data?: { pagination?: { more_items_in_collection?: unknown } } };
  const more = (res.data as Paged).additional_data?.pagination?.more_items_in_collection === true;
  return { index, rows, more };
}

const orEmpty = (value: unknown) => (value === undefined || value === null ? '' : value);

// Compared by meaning: answers give ISO 8601 times for the `YYYY-MM-DD HH:MM:SS` sent, and the
// note as other HTML. The list's order is undocumented, so both ends are read.
async function sameCallLogs(args: CreateCallLogArgs): Promise<string[]> {
  const { body, refusal } = callLogFields(args);
  // A log Pipedrive would refuse was refused before it was sent: it left nothing.
  if (refusal) return [];
  const rows = await rowsAtEitherEnd((index) => callLogPage(args, index), MAX_CALL_LOG_PAGES);
  return rows
    .filter(
      (log) =>
        sameDigits(log.person_id, body.person_id) &&
        sameInstant(log.start_time, body.start_time) &&
        sameInstant(log.end_time, body.end_time) &&
        sameDigits(log.to_phone_number, body.to_phone_number) &&
        sameDigits(orEmpty(log.from_phone_number), orEmpty(body.from_phone_number)) &&
        sameDigits(log.duration, body.duration) &&
        log.outcome === body.outcome &&
        sameText(log.subject, body.subject) &&
        sameText(log.note, args.note) &&
        sameDigits(orEmpty(log.deal_id), orEmpty(body.deal_id)) &&
        (optionalText(log.lead_id) ?? '') === (body.lead_id ?? ''),
    )
    .map((log) => String(requireId(log.id, 'The call log')));
}

export const pipedriveSaveCheck: SaveCheck = {
  find: (save, since) =>
    save.kind === 'contact' ? samePersons(save.args, since) : sameCallLogs(save.args),
  remove: (save, id) => {
    const path = save.kind === 'contact' ? '/api/v2/persons' : '/v1/callLogs';
    const url = buildUrl(save.args.user.hostname, `${path}/${encodeURIComponent(id)}`);
    return deleteIfThere(url, pipedriveHeaders(save.args.authHeader));
  },
};
