/** Insightly writes: placeholder contacts or leads, and call logs as notes on the record. */
import { http } from '@/platform/worker/http/client';
import type { CreateContactResult } from '@/features/lookup/model/contact';
import { formatForDisplay } from '@/features/lookup/model/phone';
import { findEarlierLog, isGone } from '../shared/earlier-log';
import type { ListPage } from '../shared/either-end';
import { isRecord, requireId, requireRecord } from '../shared/guards';
import { splitName } from '../shared/names';
import {
  CALL_LOGGED,
  CONTACT_CREATED,
  RESULT_LABELS,
  callSpan,
  describeDuration,
  requireE164,
} from '../shared/outcome';
import { buildUrl, sqlUtc } from '../shared/wire';
import type {
  CreateCallLogArgs,
  CreateCallLogResult,
  CreateContactArgs,
  DeleteCallLogArgs,
  EarlierCallLog,
  RenameContactArgs,
} from '../types';
import { apiPath, insightlyApiHost, insightlyHeaders } from './auth';
import { insightlyName } from './find-contact';
import { INSIGHTLY_TYPES, type InsightlyType } from './manifest';

/** 'Contact' or 'Lead' from a contact type, in any letter case; throws plain words otherwise. */
export function insightlyType(value: string | undefined): InsightlyType {
  const type = (value ?? '').trim().toLowerCase();
  if (type === 'contact') return INSIGHTLY_TYPES.contact;
  if (type === 'lead') return INSIGHTLY_TYPES.lead;
  throw new Error('Choose whether the new record is a Contact or a Lead.');
}

const SEGMENTS: Record<InsightlyType, { segment: string; idField: string }> = {
  Contact: { segment: 'Contacts', idField: 'CONTACT_ID' },
  Lead: { segment: 'Leads', idField: 'LEAD_ID' },
};

export async function createInsightlyContact(
  args: CreateContactArgs,
): Promise<CreateContactResult> {
  const headers = insightlyHeaders(args.authHeader);
  const type = insightlyType(args.newContactType);
  const { firstName, lastName } = splitName(args.newContactName);
  const body = {
    ...(firstName ? { FIRST_NAME: firstName } : {}),
    LAST_NAME: lastName,
    PHONE: requireE164(args.phoneNumber),
  };
  const { segment, idField } = SEGMENTS[type];
  const url = buildUrl(insightlyApiHost(args.user.hostname), apiPath(`/${segment}`));
  const res = await http.post(url, body, { headers });
  const record = requireRecord(res.data, `The new Insightly ${type}`);
  return {
    contactInfo: {
      id: requireId(record[idField], `The new Insightly ${type}`),
      name: insightlyName(record),
      type,
    },
    returnMessage: CONTACT_CREATED,
  };
}

/**
 * Connector.renameContact: `PUT /v3.1/Contacts` (or `/Leads`) with the record's id and its
 * names split as createInsightlyContact splits them. FIRST_NAME is sent even when empty (null),
 * so a first name the earlier attempt saved does not stay in front of the new one; fields left
 * out keep their values.
 */
export async function renameInsightlyRecord(args: RenameContactArgs): Promise<void> {
  const type = insightlyType(args.contact.type ?? INSIGHTLY_TYPES.contact);
  const id = String(args.contact.id);
  if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not an Insightly ${type.toLowerCase()}.`);
  const { firstName, lastName } = splitName(args.newName);
  const { segment, idField } = SEGMENTS[type];
  const url = buildUrl(insightlyApiHost(args.user.hostname), apiPath(`/${segment}`));
  const body = { [idField]: Number(id), FIRST_NAME: firstName, LAST_NAME: lastName };
  const res = await http.put(url, body, { headers: insightlyHeaders(args.authHeader) });
  requireRecord(res.data, `The renamed Insightly ${type}`);
}

/**
 * What names the call in a note body and no edit of the log form changes: the start of the
 * first line (direction and number, before the result) and the whole second (the start time).
 */
function callHeader(args: CreateCallLogArgs): { lead: string; started: string } {
  const { call } = args;
  const { start } = callSpan(call);
  const way = call.direction === 'Inbound' ? 'from' : 'to';
  return {
    lead: `${call.direction} call ${way} ${formatForDisplay(call.phoneNumber)}: `,
    started: `Started: ${sqlUtc(start)} UTC`,
  };
}

/** The note body: what happened on the call, then the user's own note. */
export function callNoteBody(args: CreateCallLogArgs): string {
  const { call } = args;
  const { lead, started } = callHeader(args);
  const lines = [
    `${lead}${RESULT_LABELS[call.result]}`,
    started,
    `Duration: ${describeDuration(call.durationSeconds)}`,
  ];
  const note = args.note.trim();
  return note ? `${lines.join('\n')}\n\n${note}` : lines.join('\n');
}

/** Where a call's note goes (the contact's or lead's Notes) and what it says. */
function callNote(args: CreateCallLogArgs) {
  const type = insightlyType(args.contact.type ?? INSIGHTLY_TYPES.contact);
  const id = String(args.contact.id);
  if (!/^\d+$/.test(id)) throw new Error('Choose an Insightly contact or lead to log against.');
  const url = buildUrl(
    insightlyApiHost(args.user.hostname),
    apiPath(`/${SEGMENTS[type].segment}/${encodeURIComponent(id)}/Notes`),
  );
  return {
    url,
    title: args.subject.trim() || `${args.call.direction} call`,
    body: callNoteBody(args),
  };
}

/**
 * Insightly notes can be edited (`PUT /v3.1/Notes`), so an outdated earlier note is rewritten
 * in place: one request, the note keeps its id, and there is never a moment with two notes or
 * none. Returns null when that note was deleted meanwhile, so a new one is written instead.
 * A v3.1 PUT changes only the fields it carries, so the id, title and body are all it sends: the
 * note's link to its record is left as Insightly has it.
 */
async function rewriteNote(
  args: CreateCallLogArgs,
  noteId: string,
  note: ReturnType<typeof callNote>,
): Promise<CreateCallLogResult | null> {
  const url = buildUrl(insightlyApiHost(args.user.hostname), apiPath('/Notes'));
  const body = { NOTE_ID: Number(noteId), TITLE: note.title, BODY: note.body };
  try {
    const res = await http.put(url, body, { headers: insightlyHeaders(args.authHeader) });
    const saved = requireRecord(res.data, 'The Insightly note');
    return {
      logId: String(requireId(saved.NOTE_ID, 'The Insightly note')),
      returnMessage: CALL_LOGGED,
    };
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

export async function createInsightlyCallLog(
  args: CreateCallLogArgs,
): Promise<CreateCallLogResult> {
  const headers = insightlyHeaders(args.authHeader);
  const note = callNote(args);
  if (args.replacesLogId && /^\d+$/.test(args.replacesLogId)) {
    const rewritten = await rewriteNote(args, args.replacesLogId, note);
    if (rewritten) return rewritten;
  }
  const res = await http.post(note.url, { TITLE: note.title, BODY: note.body }, { headers });
  const saved = requireRecord(res.data, 'The new Insightly note');
  return {
    logId: String(requireId(saved.NOTE_ID, 'The new Insightly note')),
    returnMessage: CALL_LOGGED,
  };
}

/** Deletes a call's note; resolves when it is gone (404 included), throws when refused. */
export async function deleteInsightlyNote(args: DeleteCallLogArgs): Promise<void> {
  if (!/^\d+$/.test(args.logId)) throw new Error(`"${args.logId}" is not an Insightly note.`);
  const url = buildUrl(insightlyApiHost(args.user.hostname), apiPath(`/Notes/${args.logId}`));
  try {
    await http.delete(url, { headers: insightlyHeaders(args.authHeader) });
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

/** The most notes one request returns (Insightly's `top` cap). */
export const NOTES_PAGE = 500;
/** The most pages of notes read to find the end of a record's notes (no total is asked for). */
export const MAX_NOTE_PAGES = 12;

/**
 * The note an earlier attempt saved for this call: on the same record, with the same direction,
 * number and start time in its text. Its title, result and the user's note may differ, when the
 * user edited them before saving again. It is among the newest, and Insightly does not document
 * the order of a record's Notes: the first page is read, then (when it is full) the last two.
 */
export async function findInsightlyCallLog(
  args: CreateCallLogArgs,
): Promise<EarlierCallLog | null> {
  const headers = insightlyHeaders(args.authHeader);
  const note = callNote(args);
  const { lead, started } = callHeader(args);
  const read = async (index: number): Promise<ListPage<unknown>> => {
    // Insightly's largest page: its default (100) would mean more requests for a long history.
    const res = await http.get(note.url, {
      headers,
      params: { top: NOTES_PAGE, skip: index * NOTES_PAGE },
    });
    const rows: unknown[] = Array.isArray(res.data) ? res.data : [];
    // No "more" flag: a full page may have more after it.
    return { index, rows, more: rows.length >= NOTES_PAGE };
  };
  return findEarlierLog(
    read,
    {
      sameCall: (entry) => {
        if (!isRecord(entry) || typeof entry.BODY !== 'string') return false;
        const [first = '', second] = entry.BODY.split('\n');
        return first.startsWith(lead) && second === started;
      },
      sameContent: (entry) =>
        isRecord(entry) && entry.TITLE === note.title && entry.BODY === note.body,
      id: (entry) =>
        String(requireId(isRecord(entry) ? entry.NOTE_ID : undefined, 'The Insightly note')),
    },
    MAX_NOTE_PAGES,
  );
}
