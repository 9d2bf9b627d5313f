// Every chrome.storage key, declared once (tests check every item or family exported here). Bump
// a version on a shape change that old values cannot be read as (define.ts).
import type { Connection } from '@/features/connection/model/connection';
import type { CallDirection, CallStatus, LookupResult } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '@/features/settings/model/settings';
import type { ContactDraft, LogDraft } from '@/features/saves/model/log-draft';
import type { Bounds } from '@/features/calls/model/window-place';
import { defineFamily, defineItem } from './define';

export const settingsItem = defineItem<Settings>({
  area: 'local',
  name: 'settings',
  version: 1,
  defaultValue: DEFAULT_SETTINGS,
});

/** Holds the CRM credentials: local area, which only CallPop's own pages and worker can read. */
export const connectionItem = defineItem<Connection | null>({
  area: 'local',
  name: 'connection',
  version: 1,
  defaultValue: null,
});

// The CRM answered 401 to this connection. Its own key, written without reading the connection,
// so noting it never writes back credentials that Disconnect or a new token replaced meanwhile.
export interface CredentialsRejected {
  platform: Connection['platform'];
  accountId: string;
  connectedAt: number;
  at: number;
}

export const credentialsRejected = defineItem<CredentialsRejected | null>({
  area: 'local',
  name: 'credentialsRejected',
  version: 1,
  defaultValue: null,
});

// A cached contact, short names keep entries small (lookup/worker/cache-codec.ts); empty fields
// are left out. p: phone, only if not the key; ad: mostRecentActivityDate; x: additionalInfo.
export interface CompactContact {
  i: string | number;
  n?: string;
  p?: string;
  t?: string;
  ti?: string;
  co?: string;
  e?: string;
  cd?: string | number;
  ad?: string | number;
  od?: number;
  o?: string; // ownerId
  x?: Record<string, unknown>;
}

// A cached lookup for one (account, platform, E.164); times in seconds since epoch.
export interface CachedMatch {
  c?: CompactContact[]; // real contacts; absent = no match
  f: number; // fetchedAt
  u?: number; // lastUsed; absent = f
  s?: 1; // written by a create, not a CRM search
  n?: 1; // the CRM offers "Create new contact..."
  w?: string; // the CRM's warning with its contacts ("more than 500"), so a hit says it too
}

/** The phone formats (JSON) the cache was searched with: other formats may find other contacts. */
export const cacheFormatsItem = defineItem<string | null>({
  area: 'local',
  name: 'cacheFormats',
  version: 1,
  defaultValue: null,
});

/** Lookup cache, one key per `<accountId>:<platform>:<E.164>` (never one big object). */
export const matchCache = defineFamily<CachedMatch>({ area: 'local', name: 'match', version: 1 });

/** The CRM's users (id → name) naming contacts' owners, of one account; cleared with the cache. */
export const ownerNames = defineItem<{
  account: string;
  at: number;
  names: Record<string, string>;
} | null>({ area: 'local', name: 'ownerNames', version: 1, defaultValue: null });

/** The contact picked among a number's several, by the same id as its cache entry; cleared with it. */
export const pickedContacts = defineFamily<{ i: string | number; t?: string }>({
  area: 'local',
  name: 'pick',
  version: 1,
});

/** Progress of one Save (contact.create / callLog.create), for idempotency across restarts. */
export interface SaveRequestState {
  kind: 'contact' | 'callLog';
  /** When the Save's first attempt started. */
  startedAt: number;
  /** `running` while the CRM call is in flight; `done` / `failed` hold the outcome. */
  status: 'running' | 'done' | 'failed';
  /** The contact created for a call log, stored before the log is written. */
  createdContact?: { id: string | number; name: string; type?: string };
  /** The reply of a `done` Save, replayed to a second submit. */
  result?: unknown;
}

export const saveRequests = defineFamily<SaveRequestState>({
  area: 'session',
  name: 'saveRequest',
  version: 1,
});

/** A lookup as a call keeps it (calls/model/call-session.ts): its first contacts, `more` the rest. */
export type CallLookup = LookupResult & { more?: number };

/** What CallPop knows about one call, while it lasts (see src/features/calls). */
export interface CallSession {
  sessionId: string;
  direction: CallDirection;
  status: CallStatus;
  /** The other party's number as the softphone sent it. */
  phoneNumber: string;
  /** Our own number on the call (the called one inbound, the caller outbound), if sent. */
  ownNumber?: string;
  /** The same number formatted for people, so the call-pop page needs no phone library. */
  displayNumber?: string;
  /** The caller id name the softphone showed, if any. */
  callerName?: string;
  startTime: number;
  firstEventAt: number;
  updatedAt: number;
  /** When the call was first connected; absent while it never was (a missed call). */
  answeredAt?: number;
  /** When the call first ended, so its logged duration stops there, not at a later event. */
  endedAt?: number;
  lookup:
    | { state: 'pending'; startedAt: number }
    | { state: 'done'; result: CallLookup }
    | { state: 'failed'; message: string };
  /** `claimed` is written before anything opens, so a second event never pops again. */
  pop:
    | { state: 'none' }
    | { state: 'claimed'; at: number }
    | { state: 'done'; at: number; opened: 'window' | 'tabs' | 'nothing'; reason: string };
  /** The call-pop window, while it is open. */
  windowId: number | null;
  /** The last log saved for this call from its window, kept even if the window closed first. */
  lastLog?: { logId: string; contactName: string; at: number };
}

/** One entry per call, by softphone sessionId; session area, so it never outlives the browser. */
export const callSessions = defineFamily<CallSession>({
  area: 'session',
  name: 'callSession',
  version: 1,
});

/** Where the person last moved or sized a call window: the next one opens there. */
export const callWindowPlace = defineItem<Bounds | null>({
  area: 'local',
  name: 'callWindowPlace',
  version: 1,
  defaultValue: null,
});

// The popup's open form, so closing the popup (any click outside) loses nothing typed.
// Session area: never written to disk; cleared with the other session records on disconnect.
export type PopupDraft = {
  /** What the number field held. */
  number: string;
  /** The lookup the form was opened from, so it reopens with the same contacts. */
  result: LookupResult;
} & ({ view: 'log'; log: LogDraft } | { view: 'create'; create: ContactDraft });

export const popupDraft = defineItem<PopupDraft | null>({
  area: 'session',
  name: 'popupDraft',
  version: 1,
  defaultValue: null,
});
