/** Insightly writes: placeholder contacts or leads, and call logs as notes on the record. */
import { http } from '@/platform/worker/http/client';
import { formatForDisplay, normalizePhone } from '@/features/lookup/model/phone';
import { rowsAtEitherEnd, type ListPage } from '../shared/either-end';
import { isRecord, requireId, requireRecord, typeNamed } from '../shared/guards';
import { sameName, splitName } from '../shared/names';
import { CALL_LOGGED, CONTACT_CREATED, requireE164 } from '../shared/outcome';
import { madeSince, sameText } from '../shared/same-meaning';
import { deleteIfThere, sqlUtc } from '../shared/wire';
import type { AddPhoneNumberArgs, CreateCallLogArgs, CreateContactArgs, SaveCheck } from '../types';
import { freeField } from '../shared/free-field';
import { insightlyHeaders, insightlyUrl } from './auth';
import { SPECS, insightlyName, insightlySearchValues } from './find-contact';
import { INSIGHTLY_TYPES, type InsightlyType } from './manifest';

const insightlyType = (value: string | undefined): InsightlyType =>
  typeNamed(INSIGHTLY_TYPES, value, 'Choose whether the new record is a Contact or a Lead.');

export async function createInsightlyContact(args: CreateContactArgs) {
  const headers = insightlyHeaders(args.authHeader);
  const type = insightlyType(args.newContactType);
  const { firstName, lastName } = splitName(args.newContactName);
  const body = {
    ...(firstName ? { FIRST_NAME: firstName } : {}),
    LAST_NAME: lastName,
    PHONE: requireE164(args.phoneNumber),
  };
  const { segment, idField } = SPECS[type];
  const res = await http.post(insightlyUrl(args.user.hostname, `/${segment}`), body, { headers });
  const record = requireRecord(res.data, `The new Insightly ${type}`);
  const id = requireId(record[idField], `The new Insightly ${type}`);
  return { contactInfo: { id, name: insightlyName(record), type }, returnMessage: CONTACT_CREATED };
}

/** The user's format for a number of their own country when it keeps every digit; else international. */
function mobileSpelling(e164: string, args: AddPhoneNumberArgs) {
  const parsed = normalizePhone(e164);
  const own = parsed.ok && !parsed.isExtension && parsed.country === args.defaultCountry;
  const typed = insightlySearchValues(e164, args.overridingFormat ?? '').typed[0] ?? '';
  const whole = own && [
    parsed.nationalNumber,
    `${parsed.countryCallingCode}${parsed.nationalNumber}`,
  ];
  return whole && whole.includes(typed.replace(/\D/g, '')) ? typed : formatForDisplay(e164);
}

// Into the first empty phone field a lookup searches (PHONE, then the mobile): E.164 in PHONE, and
// in the mobile the spelling findContact searches first (the user's format). v3.1 PUTs are partial.
export async function addInsightlyPhoneNumber(args: AddPhoneNumberArgs): Promise<void> {
  const type = insightlyType(args.contact.type ?? INSIGHTLY_TYPES.contact);
  const phone = requireE164(args.phoneNumber, 'The number to add');
  const { segment, idField, fields } = SPECS[type];
  const headers = insightlyHeaders(args.authHeader);
  const path = `/${segment}/${encodeURIComponent(String(args.contact.id))}`;
  const res = await http.get(insightlyUrl(args.user.hostname, path, { brief: true }), { headers });
  const record = requireRecord(res.data, `The Insightly ${type.toLowerCase()}`);
  const field = freeField(record, [...fields], args, 'Insightly');
  if (!field) return;
  const body = {
    [idField]: record[idField],
    [field]: field === 'PHONE' ? phone : mobileSpelling(phone, args),
  };
  await http.put(insightlyUrl(args.user.hostname, `/${segment}`), body, { headers });
}

/** "1 min 05 s" style duration. */
function describeDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}

/** The note body: what happened on the call, then the user's own note. */
function callNoteBody(args: CreateCallLogArgs): string {
  const { call } = args;
  const way = call.direction === 'Inbound' ? 'from' : 'to';
  const result = call.result[0]!.toUpperCase() + call.result.slice(1); // Connected, Missed…
  const lines = [
    `${call.direction} call ${way} ${formatForDisplay(call.phoneNumber)}: ${result}`,
    `Started: ${sqlUtc(call.startTime)} UTC`,
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
  const url = insightlyUrl(args.user.hostname, `/${SPECS[type].segment}/${id}/Notes`);
  const title = args.subject.trim() || `${args.call.direction} call`;
  return { url, title, body: callNoteBody(args) };
}

export async function createInsightlyCallLog(args: CreateCallLogArgs) {
  const headers = insightlyHeaders(args.authHeader);
  const note = callNote(args);
  const res = await http.post(note.url, { TITLE: note.title, BODY: note.body }, { headers });
  const id = requireId(requireRecord(res.data, 'The new note').NOTE_ID, 'The new Insightly note');
  return { logId: String(id), returnMessage: CALL_LOGGED };
}

/** The most notes one request returns (Insightly's `top` cap). */
const NOTES_PAGE = 500;
/** The most pages of notes read to find the end of a record's notes (no total is asked for). */
export const MAX_NOTE_PAGES = 12;

// Title and body compared as text, HTML or not; both ends read: the Notes' order is undocumented.
async function sameNotes(args: CreateCallLogArgs): Promise<string[]> {
  const headers = insightlyHeaders(args.authHeader);
  const note = callNote(args);
  const read = async (index: number): Promise<ListPage<unknown>> => {
    // Insightly's largest page: its default (100) would mean more requests for a long history.
    const url = `${note.url}?top=${NOTES_PAGE}&skip=${index * NOTES_PAGE}`;
    const res = await http.get(url, { headers });
    const rows: unknown[] = Array.isArray(res.data) ? res.data : [];
    // No "more" flag: a full page may have more after it.
    return { index, rows, more: rows.length >= NOTES_PAGE };
  };
  return (await rowsAtEitherEnd(read, MAX_NOTE_PAGES))
    .filter(isRecord)
    .filter((entry) => sameText(entry.TITLE, note.title) && sameText(entry.BODY, note.body))
    .map((entry) => String(requireId(entry.NOTE_ID, 'The Insightly note')));
}

/** The contacts (or leads) with this name and number made since `since`. */
async function sameRecords(args: CreateContactArgs, since: number): Promise<string[]> {
  const type = insightlyType(args.newContactType);
  const { segment, idField } = SPECS[type];
  const query = { field_name: 'PHONE', field_value: requireE164(args.phoneNumber), brief: false };
  const url = insightlyUrl(args.user.hostname, `/${segment}/Search`, query);
  const res = await http.get(url, { headers: insightlyHeaders(args.authHeader) });
  const rows: unknown[] = Array.isArray(res.data) ? res.data : [];
  return rows
    .filter(isRecord)
    .filter(
      (record) =>
        madeSince(record.DATE_CREATED_UTC, since) &&
        sameName(insightlyName(record), args.newContactName),
    )
    .map((record) => String(requireId(record[idField], `An Insightly ${type}`)));
}

export const insightlySaveCheck: SaveCheck = {
  find: (save, since) =>
    save.kind === 'contact' ? sameRecords(save.args, since) : sameNotes(save.args),
  remove: async (save, id) => {
    if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not an Insightly record.`);
    const segment =
      save.kind === 'callLog' ? 'Notes' : SPECS[insightlyType(save.args.newContactType)].segment;
    const url = insightlyUrl(save.args.user.hostname, `/${segment}/${id}`);
    return deleteIfThere(url, insightlyHeaders(save.args.authHeader));
  },
};
