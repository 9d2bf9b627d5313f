// The typed contract between extension pages and the service worker. Every reply is a `Reply`
// envelope because exceptions do not survive chrome.runtime messaging.

import type { Contact, ContactType, ReturnMessage } from '@/features/lookup/model/contact';
import type {
  ConnectionDraft,
  ConnectionSummary,
  PlatformName,
} from '@/features/connection/model/connection';
import type { ResolverId } from '@/features/lookup/model/resolvers';

/** A contact with its CRM page, ready to show. `pageUrl` is null when no safe URL exists. */
export interface ContactView extends Contact {
  pageUrl: string | null;
  /** `platform:accountId` it was found in: after a CRM switch, never log against it there. */
  account?: string;
}

export interface LookupRequest {
  /** As typed or as the softphone sent it; normalised to E.164 by the engine. */
  phoneNumber: string;
  /** Bypass the cache and ask the CRM (the Refresh button). */
  force?: boolean;
}

export interface LookupResult {
  /** E.164, or the extension digits for an internal number. */
  phoneNumber: string;
  displayNumber: string;
  /** Real matches, in the resolver's order; never the "Create new contact..." placeholder. */
  contacts: ContactView[];
  /** The CRM offers "Create new contact..." for this number. */
  canCreate: boolean;
  contactTypes: ContactType[];
  source: 'cache' | 'crm' | 'none';
  /** When the shown contacts were fetched from the CRM (ms since epoch). */
  fetchedAt: number | null;
  /** Served from cache because the CRM could not be reached. */
  stale: boolean;
  resolution: { resolver: ResolverId; reason: string } | null;
  returnMessage: ReturnMessage | null;
  // The CRM failed: `passing` (down, slow, rate-limited; asking later may work) or `refused`
  // (credentials, permissions, bad request; the person must act). Absent otherwise.
  crmFailure?: 'passing' | 'refused';
  /** The CRM's first answer, shown while the rest (dates, other searches) is fetched. */
  provisional?: true;
}

/** One requested number's answer in `contact.lookupMany`. */
export interface LookupManyResult extends LookupResult {
  // The CRM did not answer and no cached names stood in (`returnMessage` says why): asking again
  // may work. Never set for a non-number or an extension not looked up.
  crmFailed?: true;
}

interface SaveRequest {
  /** Same id on a repeated Save: what it writes is written once. */
  requestId: string;
  /** A retry after an unclear outcome, sending what was sent then (docs/saves.md). */
  retry?: true;
  /** The call whose window saves this: the call keeps the outcome even if the window closed. */
  callSessionId?: string;
}

export interface CreateContactRequest extends SaveRequest {
  phoneNumber: string;
  newContactName: string;
  newContactType: string;
}

export interface CreateContactReply {
  contact: ContactView;
  returnMessage: ReturnMessage | null;
}

/** A contact for a number, from a page; `callSessionId`: the call whose window shows the change. */
export interface ContactChoice {
  phoneNumber: string;
  contact: ContactView;
  callSessionId?: string;
}

export type CallDirection = 'Inbound' | 'Outbound';
export type CallResult = 'connected' | 'missed' | 'voicemail' | 'busy';

export interface CallLogRequest extends SaveRequest {
  phoneNumber: string;
  /** An existing contact, or a placeholder to create first. */
  contact:
    | { kind: 'existing'; id: string | number; name: string; type?: string; account?: string }
    | { kind: 'new'; name: string; type: string };
  direction: CallDirection;
  startTime: number;
  durationSeconds: number;
  result: CallResult;
  subject: string;
  note: string;
  additionalSubmission: Record<string, string | number>;
  /** Our own number on the call, as the softphone sent it (the CRM logs both ends). */
  ownNumber?: string;
}

export interface CallLogReply {
  logId: string;
  contact: ContactView;
  returnMessage: ReturnMessage | null;
}

export type LogFieldOptions = Record<string, { const: string | number; title: string }[]>;

/** Plain data from a connector manifest, for the pages. */
export interface ConnectorInfo {
  name: PlatformName;
  displayName: string;
  contactTypes: ContactType[];
  authKinds: ('apiToken' | 'oauth' | 'apiKey')[];
  settings: {
    id: string;
    label: string;
    type: 'text' | 'password' | 'url';
    required: boolean;
    placeholder?: string;
    help?: string;
  }[];
  usesOverridingFormats: boolean;
  logFields: { const: string; title: string }[];
}

export type CallStatus = 'Ringing' | 'CallConnected' | 'NoCall';

/** A softphone call event, reduced to what call pop needs. */
export interface CallEvent {
  /** Stable for the whole call, across transfers and repeated events. */
  sessionId: string;
  direction: CallDirection;
  status: CallStatus;
  from: string;
  to: string;
  fromName?: string;
  toName?: string;
  startTime?: number;
}

export interface CallEventReply {
  action: 'popped' | 'focused' | 'updated' | 'ignored';
  reason: string;
  /** The reason is for the person (the softphone window shows it), not only for the record. */
  tell?: true;
}

export interface Requests {
  'status.get': { payload: undefined; value: { name: string; version: string } };
  'connectors.list': { payload: undefined; value: ConnectorInfo[] };
  'connection.get': { payload: undefined; value: ConnectionSummary | null };
  /** Calls the CRM with the draft; fails with a plain-words reason. Saves nothing. */
  'connection.test': { payload: ConnectionDraft; value: { userName: string; message: string } };
  /** Tests, then saves the connection (after the page was granted the CRM's host permission). */
  'connection.save': { payload: ConnectionDraft; value: ConnectionSummary };
  /** Removes the credentials and every cached contact. */
  'connection.disconnect': { payload: undefined; value: { removedContacts: number } };
  'contact.lookup': { payload: LookupRequest; value: LookupResult };
  // Up to MAX_LOOKUP_BATCH numbers: one cache read, bounded CRM calls. Keyed exactly as sent
  // ("(415) 555-0102", not E.164), so the caller never has to normalise to find its answer.
  'contact.lookupMany': {
    payload: { phoneNumbers: string[]; force?: boolean };
    value: Record<string, LookupManyResult>;
  };
  'contact.create': { payload: CreateContactRequest; value: CreateContactReply };
  'contact.logFields': {
    payload: { phoneNumber: string; contactId: string | number };
    value: LogFieldOptions;
  };
  'callLog.create': { payload: CallLogRequest; value: CallLogReply };
  /** Contacts whose name (or email, where the CRM searches emails) holds `name`; not cached. */
  'contact.searchName': { payload: { name: string }; value: { contacts: ContactView[] } };
  /** Adds the number to the contact's phones in the CRM; the number then finds it from the cache. */
  'contact.addNumber': { payload: ContactChoice; value: { contact: ContactView } };
  /** "This is the caller" (`chosen`) or forgetting it: the number's later calls list it first. */
  'contact.pick': { payload: ContactChoice & { chosen: boolean }; value: { contact: ContactView } };
  'cache.stats': { payload: undefined; value: { entries: number } };
  'cache.clear': { payload: undefined; value: { removed: number } };
  /** From the softphone bridge (or a test): drives call pop by the options. */
  'call.event': { payload: CallEvent; value: CallEventReply };
  /** Opens (or brings forward) a call's window again, on the person's own ask. */
  'call.show': { payload: { sessionId: string }; value: { shown: 'focused' | 'opened' } };
  /** The call window's Refresh: the worker asks the CRM again and keeps the answer in the call. */
  'call.refresh': { payload: { sessionId: string }; value: LookupResult };
}

export type RequestName = keyof Requests;
export type Payload<N extends RequestName> = Requests[N]['payload'];
export type Value<N extends RequestName> = Requests[N]['value'];

/** Marks our messages so that anything else on the runtime channel is ignored. */
export const CHANNEL = 'callpop/v1';

interface RequestEnvelope<N extends RequestName = RequestName> {
  channel: typeof CHANNEL;
  name: N;
  payload: Payload<N>;
}

/** The most numbers one `contact.lookupMany` request takes; callers split longer lists. */
export const MAX_LOOKUP_BATCH = 100;

export const ERROR_CODES = {
  forbiddenSender: 'forbidden_sender',
  unknownRequest: 'unknown_request',
  badRequest: 'bad_request',
  notConnected: 'not_connected',
  crm: 'crm_error',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ReplyError {
  code: ErrorCode;
  message: string;
  // The write may have reached the CRM (a timeout, say): the form keeps what was sent, read-only,
  // until retried (which finds that write first) or discarded.
  outcomeUnclear?: true;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export const failure = (
  code: ErrorCode,
  message: string,
  outcomeUnclear = false,
): Reply<never> => ({
  ok: false,
  error: { code, message, ...(outcomeUnclear ? { outcomeUnclear: true as const } : {}) },
});

export function isRequestEnvelope(message: unknown): message is RequestEnvelope {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<RequestEnvelope>;
  return candidate.channel === CHANNEL && typeof candidate.name === 'string';
}

export function envelope<N extends RequestName>(name: N, payload: Payload<N>): RequestEnvelope<N> {
  return { channel: CHANNEL, name, payload };
}
