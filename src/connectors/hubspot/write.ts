/** HubSpot writes: placeholder contacts or companies, and calls associated with them. */
import { http } from '@/platform/worker/http/client';
import type { CreateContactResult } from '@/features/lookup/model/contact';
import { isRecord, requireArray, requireId, requireRecord, typeNamed } from '../shared/guards';
import { collapseName, sameName, splitName } from '../shared/names';
import { CALL_LOGGED, CONTACT_CREATED, callSpan, noteHtml, requireE164 } from '../shared/outcome';
import { madeSince, sameDigits, sameInstant, sameText } from '../shared/same-meaning';
import { buildUrl, deleteIfThere } from '../shared/wire';
import type { AddPhoneNumberArgs, CreateCallLogArgs, CreateContactArgs, SaveCheck } from '../types';
import { freeField } from '../shared/free-field';
import { HUBSPOT_TYPES, type HubSpotType } from './manifest';
import { PATHS, hubspotHeaders, hubspotName, phoneGroups, searchObjects } from './search';

const hubspotType = (value: string | undefined): HubSpotType =>
  typeNamed(HUBSPOT_TYPES, value, 'Choose whether the new record is a Contact or a Company.');

type Args = { user: { hostname: string }; authHeader: string };
const post = async (args: Args, path: string, body: unknown, what: string) => {
  const url = buildUrl(args.user.hostname, path);
  const res = await http.post(url, body, { headers: hubspotHeaders(args.authHeader) });
  return requireRecord(res.data, what);
};

export async function createHubSpotContact(args: CreateContactArgs): Promise<CreateContactResult> {
  const type = hubspotType(args.newContactType);
  const phone = requireE164(args.phoneNumber);
  const { firstName, lastName } = splitName(args.newContactName);
  const properties =
    type === HUBSPOT_TYPES.company
      ? { name: collapseName(args.newContactName), phone }
      : { ...(firstName ? { firstname: firstName } : {}), lastname: lastName, phone };
  const what = `The new HubSpot ${type.toLowerCase()}`;
  const path = `/crm/v3/objects/${PATHS[type]}`;
  const record = await post(args, path, { properties, associations: [] }, what);
  const stored = isRecord(record.properties) ? record.properties : properties;
  return {
    contactInfo: { id: String(requireId(record.id, what)), name: hubspotName(type, stored), type },
    returnMessage: CONTACT_CREATED,
  };
}

/** Into `phone`, else (a contact's) `mobilephone`, whichever is empty; never over a number. */
export async function addHubSpotPhoneNumber(args: AddPhoneNumberArgs): Promise<void> {
  const type = hubspotType(args.contact.type);
  const phone = requireE164(args.phoneNumber, 'The number to add');
  const fields = type === HUBSPOT_TYPES.contact ? ['phone', 'mobilephone'] : ['phone'];
  const id = encodeURIComponent(String(args.contact.id));
  const url = buildUrl(args.user.hostname, `/crm/v3/objects/${PATHS[type]}/${id}`);
  const headers = hubspotHeaders(args.authHeader);
  const query = fields.map((name) => `properties=${name}`).join('&'); // the documents' form style
  const res = await http.get(`${url}?${query}`, { headers });
  const what = `The HubSpot ${type.toLowerCase()}`;
  const properties = requireRecord(requireRecord(res.data, what).properties, what);
  const field = freeField(properties, fields, args, 'HubSpot');
  if (field) await http.patch(url, { properties: { [field]: phone } }, { headers });
}

const STATUSES: Record<string, string> = { missed: 'NO_ANSWER', busy: 'BUSY' }; // else COMPLETED

/** The record a call goes on, and the call's properties: text, duration in milliseconds. */
function callFields(args: CreateCallLogArgs) {
  const { call } = args;
  const type = hubspotType(args.contact.type ?? HUBSPOT_TYPES.contact);
  const id = String(args.contact.id);
  if (!/^\d+$/.test(id)) throw new Error('Choose a HubSpot contact or company to log against.');
  const { start, end } = callSpan(call);
  const inbound = call.direction === 'Inbound';
  const [from, to] = inbound
    ? [call.phoneNumber, call.ownNumber]
    : [call.ownNumber, call.phoneNumber];
  const properties: Record<string, string> = {
    hs_timestamp: new Date(start).toISOString(),
    hs_call_title: args.subject.trim() || `${call.direction} call`,
    hs_call_body: noteHtml(args.note),
    hs_call_duration: String(end - start),
    hs_call_direction: inbound ? 'INBOUND' : 'OUTBOUND',
    hs_call_status: STATUSES[call.result] ?? 'COMPLETED',
    ...(from ? { hs_call_from_number: from } : {}),
    ...(to ? { hs_call_to_number: to } : {}),
  };
  return { type, id, properties };
}

export async function createHubSpotCallLog(args: CreateCallLogArgs) {
  const { type, id, properties } = callFields(args);
  // HubSpot's call-to-contact (194) and call-to-company (182) association types.
  const associationTypeId = type === HUBSPOT_TYPES.company ? 182 : 194;
  const types = [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }];
  const body = { properties, associations: [{ to: { id }, types }] };
  const call = await post(args, '/crm/v3/objects/calls', body, 'The new HubSpot call');
  return { logId: String(requireId(call.id, 'The new HubSpot call')), returnMessage: CALL_LOGGED };
}

// A record's calls through its associations (current at once, unlike search), the newest 100
// read in one batch and compared by meaning with what the Save sent.
async function sameCalls(args: CreateCallLogArgs): Promise<string[]> {
  const { type, id, properties: want } = callFields(args);
  const path = `/crm/v4/objects/${PATHS[type]}/${id}/associations/calls`;
  const url = buildUrl(args.user.hostname, path, { limit: 500 });
  const linked = await http.get(url, { headers: hubspotHeaders(args.authHeader) });
  const inputs = requireArray(requireRecord(linked.data, 'Calls').results, 'Calls')
    .filter(isRecord)
    .map((a) => ({ id: String(a.toObjectId) }))
    .slice(-100);
  if (inputs.length === 0) return [];
  const body = { inputs, properties: Object.keys(want), propertiesWithHistory: [] };
  const read = await post(args, '/crm/v3/objects/calls/batch/read', body, 'The calls');
  return requireArray(read.results, 'The calls')
    .filter(isRecord)
    .filter((call) => {
      const p = requireRecord(call.properties, 'A call');
      return Object.entries(want).every(([n, v]) =>
        n === 'hs_timestamp'
          ? sameInstant(p[n], v)
          : /duration|number/.test(n)
            ? sameDigits(p[n] ?? '', v)
            : sameText(p[n], n === 'hs_call_body' ? args.note : v),
      );
    })
    .map((call) => String(requireId(call.id, 'A HubSpot call')));
}

// Search finds a new record after a few seconds: an attempt seconds old may be missed, written
// again, and the copy removed by the checks that follow a retry (docs/saves.md).
async function sameRecords(args: CreateContactArgs, since: number): Promise<string[]> {
  const type = hubspotType(args.newContactType);
  const { records } = await searchObjects(args, type, phoneGroups(type, args.phoneNumber));
  return records
    .filter(
      ({ p }) =>
        madeSince(p.createdate, since) && sameName(hubspotName(type, p), args.newContactName),
    )
    .map(({ id }) => String(requireId(id, 'A HubSpot record')));
}

export const hubspotSaveCheck: SaveCheck = {
  find: (save, since) =>
    save.kind === 'contact' ? sameRecords(save.args, since) : sameCalls(save.args),
  remove: (save, id) => {
    if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not a HubSpot record.`);
    const path = save.kind === 'callLog' ? 'calls' : PATHS[hubspotType(save.args.newContactType)];
    const url = buildUrl(save.args.user.hostname, `/crm/v3/objects/${path}/${id}`);
    return deleteIfThere(url, hubspotHeaders(save.args.authHeader));
  },
};
