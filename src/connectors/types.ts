/**
 * The connector contract (findContact / createContact, as App Connect defines them). Every CRM
 * lives in src/connectors/<platform>/index.ts and exports a `Connector`. Connectors run in the
 * service worker only, make their HTTP calls through the shared axios instance, and throw on
 * transport or CRM failures: the engine turns errors into plain-words messages.
 *
 * For saves (docs/saves.md) a connector implements `createContact` and `createCallLog`, and at
 * most one optional retry helper, `saveCheck`.
 */
import type {
  Contact,
  ContactType,
  CreateContactResult,
  FindContactResult,
  ReturnMessage,
} from '@/features/lookup/model/contact';
import type { Credentials, PlatformName } from '@/features/connection/model/connection';
import type { CallDirection, CallResult } from '@/platform/messages';

/** What a connector knows about the person using CallPop. */
export interface ConnectorUser {
  id: string;
  /** A bare host (`acme.pipedrive.com`) or an origin with a scheme, used as is. */
  hostname: string;
  platform: PlatformName;
  platformAdditionalInfo?: Record<string, unknown>;
  userSettings?: Record<string, { value: unknown }>;
}

/** App Connect's debug tracer, kept in findContact's signature; CallPop always passes null. */
export interface Tracer {
  trace(step: string, data?: Record<string, unknown>): void;
  traceError(step: string, error: unknown, data?: Record<string, unknown>): void;
}

export interface FindContactArgs {
  user: ConnectorUser;
  authHeader: string;
  /** E.164, or the bare extension when isExtension is true. */
  phoneNumber: string;
  /** Comma-separated formats such as `(###) ###-####`; '' when none are set. */
  overridingFormat: string;
  isExtension: boolean;
  proxyConfig: null;
  tracer: Tracer | null;
  isForceRefreshAccountData: boolean;
}

export interface CreateContactArgs {
  user: ConnectorUser;
  authHeader: string;
  /** E.164. */
  phoneNumber: string;
  newContactName: string;
  newContactType: string;
}

export interface CreateCallLogArgs {
  user: ConnectorUser;
  authHeader: string;
  contact: { id: string | number; type?: string; name: string };
  call: {
    direction: CallDirection;
    /** E.164 of the other party. */
    phoneNumber: string;
    /** Our own number, when the softphone told us. */
    ownNumber?: string;
    startTime: number;
    durationSeconds: number;
    result: CallResult;
  };
  subject: string;
  note: string;
  /** Values of contact-dependent fields (e.g. a Pipedrive deal id). */
  additionalSubmission: Record<string, string | number>;
}

/** What a Save writes: a new contact, or a call log. */
export type SavedRecord =
  { kind: 'contact'; args: CreateContactArgs } | { kind: 'callLog'; args: CreateCallLogArgs };

/**
 * The one optional retry helper (docs/saves.md). A Save whose outcome was unclear (timeout,
 * dropped connection, server error) is retried with exactly what was sent; the CRMs take no
 * idempotency key, so the retry asks `find` for the earlier write and adopts it, and for a while
 * after it `remove`s any copy a late earlier attempt still leaves, so one remains.
 */
export interface SaveCheck {
  /**
   * Ids of the records that say what `save` says, compared by meaning (a contact: its name and
   * number; a call log: its contact, start, numbers, subject and note). A contact must also have
   * been made since `since` (epoch ms, when the Save's first attempt was sent, give or take the
   * CRM's clock): an older one with that name is someone's own, never adopted nor removed.
   */
  find(save: SavedRecord, since: number): Promise<string[]>;
  /** Deletes one of them; resolves when it is gone (already gone included). */
  remove(save: SavedRecord, id: string): Promise<void>;
}

export interface CreateCallLogResult {
  logId: string;
  returnMessage?: ReturnMessage | null;
}

export interface SettingField {
  id: string;
  label: string;
  type: 'text' | 'password' | 'url';
  required: boolean;
  placeholder?: string;
  help?: string;
}

export interface ConnectorManifest {
  name: PlatformName;
  displayName: string;
  /** Offered in the "Contact type" picker; omitted or one entry when the CRM has one type. */
  contactTypes?: ContactType[];
  /** Tokens: {hostname} (the CRM origin), {contactId} and {contactType} (URL-encoded). */
  contactPageUrl: string;
  auth: { kinds: Credentials['kind'][] };
  /** Connection fields shown on the options page. */
  settings: SettingField[];
  /** Formats matter for CRMs that only match numbers exactly as stored. */
  usesOverridingFormats: boolean;
  /**
   * The CRM can find a contact by an internal extension (findContact with isExtension). When
   * absent, call pop does not pop internal calls: their window could only say it cannot look.
   */
  searchesExtensions?: boolean;
  /** Contact-dependent fields the log form fetches for a chosen contact. */
  logFields?: { const: string; title: string }[];
}

export interface ConnectionCheck {
  accountId: string;
  userId: string;
  userName: string;
}

export interface Connector {
  manifest: ConnectorManifest;
  /** The value handed to the connector as `authHeader` (e.g. `Bearer …`, `Basic …`). */
  authHeader(credentials: Credentials): string;
  /** Calls the CRM once with the credentials; throws if they, or the hostname, are wrong. */
  checkConnection(user: ConnectorUser, authHeader: string): Promise<ConnectionCheck>;
  findContact(args: FindContactArgs): Promise<FindContactResult>;
  createContact(args: CreateContactArgs): Promise<CreateContactResult>;
  createCallLog(args: CreateCallLogArgs): Promise<CreateCallLogResult>;
  /**
   * Optional: finds and removes what a Save wrote, so a retry after an unclear outcome neither
   * writes a second copy nor leaves one. Without it, such a retry writes again (the form says so).
   */
  saveCheck?: SaveCheck;
  /** The host for contactPageUrl's {hostname} when the web app is not on the API host. */
  pageHostname?(hostname: string): string;
  /** Contact-dependent options for the log form, keyed by field const (e.g. deals, leads). */
  fetchLogFieldOptions?(
    user: ConnectorUser,
    authHeader: string,
    contact: Contact,
  ): Promise<Record<string, { const: string | number; title: string }[]>>;
}
