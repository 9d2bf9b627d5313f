/**
 * Pipedrive writes: placeholder persons through API v2 (the v1 person writes are deprecated and
 * out of support since August 2026), call logs through v1 (they have no v2 yet).
 */
import { http } from '@/platform/worker/http/client';
import type {
  CreateContactResult,
  CreatedContactInfo,
  ReturnMessage,
} from '@/features/lookup/model/contact';
import { isRecord, optionalText, requireArray, requireId, requireRecord } from '../shared/guards';
import { findEarlierLog, isGone } from '../shared/earlier-log';
import type { ListPage } from '../shared/either-end';
import { cleanName, sameName } from '../shared/names';
import { CALL_LOGGED, CONTACT_CREATED, callSpan, requireE164 } from '../shared/outcome';
import { buildUrl, rateLimitTracking, sqlUtc } from '../shared/wire';
import type {
  CreateCallLogArgs,
  CreateCallLogResult,
  CreateContactArgs,
  DeleteCallLogArgs,
  EarlierCallLog,
  RenameContactArgs,
} from '../types';
import { pipedriveHeaders } from './auth';
import { pipedriveData } from './find-contact';
import { noteHtml, noteText, typedNote } from './call-log-note';
import { PIPEDRIVE_PERSON_TYPE } from './manifest';

/** How many of the user's newest persons a retried create reads (one request). */
export const NEWEST_PERSONS = 100;

const digitsOf = (value: unknown) => (typeof value === 'string' ? value.replace(/\D/g, '') : '');

/**
 * The person an interrupted earlier attempt created: same name and number among the user's
 * newest persons. Search indexes new persons after a delay, so the engine's search can miss a
 * person created seconds ago; the persons list reads them at once.
 */
async function newestSamePerson(args: CreateContactArgs, name: string, phone: string) {
  const ownerId = Number(args.user.id);
  const res = await http.get(buildUrl(args.user.hostname, '/api/v2/persons'), {
    headers: pipedriveHeaders(args.authHeader),
    params: {
      sort_by: 'add_time',
      sort_direction: 'desc',
      limit: NEWEST_PERSONS,
      // New persons belong to the token's user unless told otherwise.
      ...(Number.isInteger(ownerId) && ownerId > 0 ? { owner_id: ownerId } : {}),
    },
  });
  const data = pipedriveData(res.data, 'the persons list');
  // An account with no persons may answer null rather than an empty list.
  const persons = data === null ? [] : requireArray(data, 'The persons list');
  const wanted = digitsOf(phone);
  return persons
    .filter(isRecord)
    .find(
      (p) =>
        sameName(p.name, name) &&
        Array.isArray(p.phones) &&
        p.phones.some((f) => isRecord(f) && digitsOf(f.value) === wanted),
    );
}

/** Connector.findCreatedContact: the person an interrupted create made, if Pipedrive has it. */
export async function findCreatedPipedrivePerson(
  args: CreateContactArgs,
): Promise<(CreatedContactInfo & { createdDate?: string }) | null> {
  const name = cleanName(args.newContactName);
  const earlier = await newestSamePerson(args, name, requireE164(args.phoneNumber));
  if (!earlier) return null;
  const created = optionalText(earlier.add_time);
  return {
    id: requireId(earlier.id, 'The person'),
    name: optionalText(earlier.name) ?? name,
    type: PIPEDRIVE_PERSON_TYPE,
    ...(created ? { createdDate: created } : {}),
  };
}

export async function createPipedriveContact(
  args: CreateContactArgs,
): Promise<CreateContactResult> {
  const headers = pipedriveHeaders(args.authHeader);
  const name = cleanName(args.newContactName);
  // v2 takes phones as a list of { value, primary, label } objects, never a bare string.
  const body = { name, phones: [{ value: requireE164(args.phoneNumber), primary: true }] };
  const res = await http.post(buildUrl(args.user.hostname, '/api/v2/persons'), body, { headers });
  const person = requireRecord(pipedriveData(res.data, 'the new person'), 'The new person');
  return {
    contactInfo: {
      id: requireId(person.id, 'The new person'),
      name: optionalText(person.name) ?? name,
      type: PIPEDRIVE_PERSON_TYPE,
    },
    returnMessage: CONTACT_CREATED,
    extraDataTracking: rateLimitTracking(res.headers),
  };
}

/**
 * Connector.renameContact: `PATCH /api/v2/persons/{id}` with the name alone, so nothing else of
 * the person changes (Pipedrive updates only the fields sent).
 */
export async function renamePipedrivePerson(args: RenameContactArgs): Promise<void> {
  const id = String(args.contact.id);
  if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not a Pipedrive person.`);
  const url = buildUrl(args.user.hostname, `/api/v2/persons/${id}`);
  const body = { name: cleanName(args.newName) };
  const res = await http.patch(url, body, { headers: pipedriveHeaders(args.authHeader) });
  requireRecord(pipedriveData(res.data, 'the renamed person'), 'The renamed person');
}

/** Pipedrive's call-log outcomes for CallPop's results. */
const OUTCOMES: Record<CreateCallLogArgs['call']['result'], string> = {
  connected: 'connected',
  missed: 'no_answer',
  voicemail: 'left_voicemail',
  busy: 'busy',
};

/** A deal or lead id from the log form, or undefined when none was chosen. */
function chosen(value: string | number | undefined): string | number | undefined {
  if (value === undefined || value === '') return undefined;
  return value;
}

/**
 * The call log's body, the same for writing it and for finding it again, and why Pipedrive
 * would refuse it (checked before anything is sent).
 */
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
    outcome: OUTCOMES[call.result],
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

function callLogBody(args: CreateCallLogArgs) {
  const { body, refusal } = callLogFields(args);
  if (refusal) throw new Error(refusal);
  return body;
}

/** The warning when the new log is saved but the outdated one it replaces is still there. */
export const EARLIER_LOG_KEPT: ReturnMessage = {
  message:
    'Call logged with your changes, but Pipedrive still has the copy the earlier attempt saved: delete that one in Pipedrive.',
  messageType: 'warning',
  ttl: 8000,
};

/** Deletes a call log; resolves when it is gone (404 and 410 included), throws when refused. */
export async function deletePipedriveCallLog(args: DeleteCallLogArgs): Promise<void> {
  const url = buildUrl(args.user.hostname, `/v1/callLogs/${encodeURIComponent(args.logId)}`);
  try {
    await http.delete(url, { headers: pipedriveHeaders(args.authHeader) });
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

async function deleted(args: DeleteCallLogArgs): Promise<boolean> {
  return deletePipedriveCallLog(args).then(
    () => true,
    () => false,
  );
}

/**
 * Pipedrive's call logs cannot be edited (v1 has add, get, list, delete and recordings only),
 * so an outdated earlier log is replaced: the new one is added first, then the old one deleted.
 * In that order a stop or a failure in between leaves an extra copy, never a call with no log;
 * the other order could lose the only copy when the add then fails.
 */
export async function createPipedriveCallLog(
  args: CreateCallLogArgs,
): Promise<CreateCallLogResult> {
  const headers = pipedriveHeaders(args.authHeader);
  const body = callLogBody(args);
  const res = await http.post(buildUrl(args.user.hostname, '/v1/callLogs'), body, { headers });
  const log = requireRecord(pipedriveData(res.data, 'the new call log'), 'The new call log');
  const logId = String(requireId(log.id, 'The new call log'));
  const outdated = args.replacesLogId;
  // A failed delete is not thrown: the caller would retry the whole write and add a third log.
  if (
    outdated &&
    outdated !== logId &&
    !(await deleted({
      user: args.user,
      authHeader: args.authHeader,
      logId: outdated,
      contact: args.contact,
    }))
  ) {
    return { logId, returnMessage: EARLIER_LOG_KEPT };
  }
  return { logId, returnMessage: CALL_LOGGED };
}

/** Pipedrive's page size cap for `GET /v1/callLogs`. */
export const CALL_LOG_PAGE = 50;
/** The most pages read to find the end of the list (the API gives no total). */
export const MAX_CALL_LOG_PAGES = 14;

async function callLogPage(
  args: CreateCallLogArgs,
  index: number,
): Promise<ListPage<Record<string, unknown>>> {
  const res = await http.get(buildUrl(args.user.hostname, '/v1/callLogs'), {
    headers: pipedriveHeaders(args.authHeader),
    params: { start: index * CALL_LOG_PAGE, limit: CALL_LOG_PAGE },
  });
  const list = pipedriveData(res.data, 'the call logs');
  const rows = (Array.isArray(list) ? list : []).filter(isRecord);
  const body = res.data as {
    additional_data?: { pagination?: { more_items_in_collection?: unknown } };
  };
  return { index, rows, more: body.additional_data?.pagination?.more_items_in_collection === true };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const orNull = (value: unknown) => (value === undefined || value === '' ? null : value);

/**
 * The log an earlier attempt saved for this call: same person, start time and numbers. Its
 * subject, note, outcome, duration, deal and lead may differ, when the user edited them
 * before saving again. It is among the user's newest logs, and Pipedrive does not document the
 * order of `GET /v1/callLogs`: the first page is read, then (when there are more) the last two.
 */
export async function findPipedriveCallLog(
  args: CreateCallLogArgs,
): Promise<EarlierCallLog | null> {
  const { body, refusal } = callLogFields(args);
  // An attempt Pipedrive would refuse was refused before it was sent: it left no log.
  if (refusal) return null;
  return findEarlierLog(
    (index) => callLogPage(args, index),
    {
      sameCall: (log) =>
        Number(log.person_id) === body.person_id &&
        log.start_time === body.start_time &&
        log.to_phone_number === body.to_phone_number &&
        orNull(log.from_phone_number) === orNull(body.from_phone_number) &&
        // CallPop attaches no recordings: a log with one was written by something else.
        log.has_recording !== true,
      sameContent: (log) =>
        text(log.subject) === body.subject &&
        noteText(text(log.note)) === typedNote(args.note) &&
        log.outcome === body.outcome &&
        (optionalText(log.duration) ?? '') === body.duration &&
        log.end_time === body.end_time &&
        orNull(log.deal_id) === orNull(body.deal_id) &&
        orNull(log.lead_id) === orNull(body.lead_id),
      id: (log) => String(requireId(log.id, 'The call log')),
    },
    MAX_CALL_LOG_PAGES,
  );
}
