/** Pipedrive writes: placeholder persons and call logs (v1 endpoints, as App Connect uses). */
import { http } from '@/background/http/client';
import type { CreateContactResult } from '@/shared/contact';
import { isRecord, optionalText, requireId, requireRecord } from '../shared/guards';
import { findAtEitherEnd, type ListPage } from '../shared/either-end';
import { cleanName } from '../shared/names';
import { CALL_LOGGED, CONTACT_CREATED, callSpan, requireE164 } from '../shared/outcome';
import { buildUrl, rateLimitTracking, sqlUtc } from '../shared/wire';
import type { CreateCallLogArgs, CreateCallLogResult, CreateContactArgs } from '../types';
import { pipedriveHeaders } from './auth';
import { pipedriveData } from './find-contact';
import { PIPEDRIVE_PERSON_TYPE } from './manifest';

export async function createPipedriveContact(
  args: CreateContactArgs,
): Promise<CreateContactResult> {
  const headers = pipedriveHeaders(args.authHeader);
  const body = { name: cleanName(args.newContactName), phone: requireE164(args.phoneNumber) };
  const res = await http.post(buildUrl(args.user.hostname, '/v1/persons'), body, { headers });
  const person = requireRecord(pipedriveData(res.data, 'the new person'), 'The new person');
  return {
    contactInfo: {
      id: requireId(person.id, 'The new person'),
      name: optionalText(person.name) ?? body.name,
      type: PIPEDRIVE_PERSON_TYPE,
    },
    returnMessage: CONTACT_CREATED,
    extraDataTracking: rateLimitTracking(res.headers),
  };
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

/** The call log's body, the same for writing it and for finding it again. */
function callLogBody(args: CreateCallLogArgs) {
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
    note: args.note,
    ...(dealId !== undefined ? { deal_id: Number(dealId) } : {}),
    ...(leadId !== undefined ? { lead_id: String(leadId) } : {}),
  };
  if (!Number.isInteger(body.person_id)) {
    throw new Error('Choose a Pipedrive person to log against.');
  }
  // Number('abc') is NaN, which JSON sends as null: the log would silently lose its deal.
  if (body.deal_id !== undefined && !Number.isInteger(body.deal_id)) {
    throw new Error(`"${String(dealId)}" is not a Pipedrive deal. Choose the deal again.`);
  }
  return body;
}

export async function createPipedriveCallLog(
  args: CreateCallLogArgs,
): Promise<CreateCallLogResult> {
  const headers = pipedriveHeaders(args.authHeader);
  const body = callLogBody(args);
  const res = await http.post(buildUrl(args.user.hostname, '/v1/callLogs'), body, { headers });
  const log = requireRecord(pipedriveData(res.data, 'the new call log'), 'The new call log');
  return { logId: String(requireId(log.id, 'The new call log')), returnMessage: CALL_LOGGED };
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

/**
 * The log an earlier attempt saved for this call: same person, start time, subject and number.
 * It is among the user's newest logs, and Pipedrive does not document the order of
 * `GET /v1/callLogs`: the first page is read, then (when there are more) the last two.
 */
export async function findPipedriveCallLog(
  args: CreateCallLogArgs,
): Promise<{ logId: string } | null> {
  const body = callLogBody(args);
  const found = await findAtEitherEnd(
    (index) => callLogPage(args, index),
    (log) =>
      Number(log.person_id) === body.person_id &&
      log.start_time === body.start_time &&
      log.subject === body.subject &&
      log.to_phone_number === body.to_phone_number,
    MAX_CALL_LOG_PAGES,
  );
  return found ? { logId: String(requireId(found.id, 'The call log')) } : null;
}
