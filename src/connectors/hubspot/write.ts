/** HubSpot writes: placeholder contacts or companies, and calls associated with them. */
import { http } from '@/platform/worker/http/client';
import type { CreateContactResult } from '@/features/lookup/model/contact';
import { isRecord, requireArray, requireId, requireRecord } from '../shared/guards';
import { cleanName, sameName, splitName } from '../shared/names';
import { CALL_LOGGED, CONTACT_CREATED, callSpan, noteHtml, requireE164 } from '../shared/outcome';
import { madeSince, sameDigits, sameInstant, sameText } from '../shared/same-meaning';
import { buildUrl, deleteIfThere } from '../shared/wire';
import type {
  CreateCallLogArgs,
  CreateCallLogResult,
  CreateContactArgs,
  SaveCheck,
  SavedRecord,
} from '../types';
import { hubspotHeaders } from './auth';
import { hubspotName } from './find-contact';
import { HUBSPOT_TYPES, type HubSpotType } from './manifest';
import { OBJECTS, phoneGroups, propertiesOf, searchObjects } from './search';

/** 'Contact' or 'Company', in any letter case; plain words otherwise. */
function hubspotType(value: string | undefined): HubSpotType {
  const type = (value ?? '').trim().toLowerCase();
  if (type === 'contact') return HUBSPOT_TYPES.contact;
  if (type === 'company') return HUBSPOT_TYPES.company;
  throw new Error('Choose whether the new record is a Contact or a Company.');
}

const post = (
  args: { user: { hostname: string }; authHeader: string },
  path: string,
  body: unknown,
) =>
  http.post(buildUrl(args.user.hostname, path), body, { headers: hubspotHeaders(args.authHeader) });

export async function createHubSpotContact(args: CreateContactArgs): Promise<CreateContactResult> {
  const type = hubspotType(args.newContactType);
  const phone = requireE164(args.phoneNumber);
  let properties: Record<string, string>;
  if (type === HUBSPOT_TYPES.company) {
    properties = { name: cleanName(args.newContactName), phone };
  } else {
    const { firstName, lastName } = splitName(args.newContactName);
    properties = { ...(firstName ? { firstname: firstName } : {}), lastname: lastName, phone };
  }
  const res = await post(args, `/crm/v3/objects/${OBJECTS[type].path}`, {
    properties,
    associations: [],
  });
  const record = requireRecord(res.data, `The new HubSpot ${type.toLowerCase()}`);
  return {
    contactInfo: {
      id: String(requireId(record.id, `The new HubSpot ${type.toLowerCase()}`)),
      name: hubspotName(type, isRecord(record.properties) ? record.properties : properties),
      type,
    },
    returnMessage: CONTACT_CREATED,
  };
}

/** HubSpot's call-to-record association types (HUBSPOT_DEFINED). */
const ASSOCIATION_TYPE_IDS: Record<HubSpotType, number> = { Contact: 194, Company: 182 };
const STATUSES: Record<CreateCallLogArgs['call']['result'], string> = {
  connected: 'COMPLETED',
  voicemail: 'COMPLETED',
  missed: 'NO_ANSWER',
  busy: 'BUSY',
};

/** The call's properties, all text as HubSpot takes them; duration in milliseconds. */
function callProperties(args: CreateCallLogArgs): Record<string, string> {
  const { call } = args;
  const { start, end } = callSpan(call);
  const inbound = call.direction === 'Inbound';
  const own = call.ownNumber || undefined;
  const from = inbound ? call.phoneNumber : own;
  const to = inbound ? own : call.phoneNumber;
  return {
    hs_timestamp: new Date(start).toISOString(),
    hs_call_title: args.subject.trim() || `${call.direction} call`,
    hs_call_body: noteHtml(args.note),
    hs_call_duration: String(end - start),
    hs_call_direction: inbound ? 'INBOUND' : 'OUTBOUND',
    hs_call_status: STATUSES[call.result],
    ...(from ? { hs_call_from_number: from } : {}),
    ...(to ? { hs_call_to_number: to } : {}),
  };
}

/** The record a call is logged on; plain words when it is not one. */
function target(args: CreateCallLogArgs): { type: HubSpotType; id: string } {
  const type = hubspotType(args.contact.type ?? HUBSPOT_TYPES.contact);
  const id = String(args.contact.id);
  if (!/^\d+$/.test(id)) throw new Error('Choose a HubSpot contact or company to log against.');
  return { type, id };
}

export async function createHubSpotCallLog(args: CreateCallLogArgs): Promise<CreateCallLogResult> {
  const { type, id } = target(args);
  const res = await post(args, '/crm/v3/objects/calls', {
    properties: callProperties(args),
    associations: [
      {
        to: { id },
        types: [
          { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ASSOCIATION_TYPE_IDS[type] },
        ],
      },
    ],
  });
  const call = requireRecord(res.data, 'The new HubSpot call');
  return { logId: String(requireId(call.id, 'The new HubSpot call')), returnMessage: CALL_LOGGED };
}

/** How many of a record's newest calls a retry reads (one batch request). */
const NEWEST_CALLS = 100;

// A record's calls through its associations (read at once, unlike the search index), then the
// newest in one batch read, compared by meaning with what the Save sent.
async function sameCalls(args: CreateCallLogArgs): Promise<string[]> {
  const { type, id } = target(args);
  const headers = hubspotHeaders(args.authHeader);
  const path = `/crm/v4/objects/${OBJECTS[type].path}/${id}/associations/calls`;
  const linked = await http.get(buildUrl(args.user.hostname, path, { limit: 500 }), { headers });
  const ids = requireArray(requireRecord(linked.data, 'The calls of a record').results, 'Calls')
    .filter(isRecord)
    .map((a) => String(a.toObjectId))
    .slice(-NEWEST_CALLS);
  if (ids.length === 0) return [];
  const want = callProperties(args);
  const res = await post(args, '/crm/v3/objects/calls/batch/read', {
    inputs: ids.map((callId) => ({ id: callId })),
    properties: Object.keys(want),
    propertiesWithHistory: [],
  });
  return requireArray(requireRecord(res.data, 'The calls').results, 'The calls')
    .filter(isRecord)
    .filter((call) => {
      const p = propertiesOf(call);
      return (
        sameInstant(p.hs_timestamp, want.hs_timestamp) &&
        sameText(p.hs_call_title, want.hs_call_title ?? '') &&
        sameText(p.hs_call_body, args.note) &&
        sameDigits(p.hs_call_duration, want.hs_call_duration) &&
        p.hs_call_direction === want.hs_call_direction &&
        p.hs_call_status === want.hs_call_status &&
        sameDigits(p.hs_call_from_number ?? '', want.hs_call_from_number ?? '') &&
        sameDigits(p.hs_call_to_number ?? '', want.hs_call_to_number ?? '')
      );
    })
    .map((call) => String(requireId(call.id, 'A HubSpot call')));
}

// Search indexes a new record after a few seconds: an attempt seconds old may be missed, written
// again, and its copy removed by the checks that follow a retry (docs/saves.md).
async function sameRecords(args: CreateContactArgs, since: number): Promise<string[]> {
  const type = hubspotType(args.newContactType);
  const { records } = await searchObjects(args, type, phoneGroups(type, args.phoneNumber));
  return records
    .filter((r) => {
      const p = propertiesOf(r);
      return madeSince(p.createdate, since) && sameName(hubspotName(type, p), args.newContactName);
    })
    .map((r) => String(requireId(r.id, 'A HubSpot record')));
}

function removeSaved(save: SavedRecord, id: string): Promise<void> {
  if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not a HubSpot record.`);
  const path =
    save.kind === 'callLog' ? 'calls' : OBJECTS[hubspotType(save.args.newContactType)].path;
  return deleteIfThere(
    save.args,
    `/crm/v3/objects/${path}/${id}`,
    hubspotHeaders(save.args.authHeader),
  );
}

export const hubspotSaveCheck: SaveCheck = {
  find: (save, since) =>
    save.kind === 'contact' ? sameRecords(save.args, since) : sameCalls(save.args),
  remove: removeSaved,
};
