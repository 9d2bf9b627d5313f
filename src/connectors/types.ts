/**
 * The connector contract (findContact / createContact, as App Connect defines them). Every CRM
 * lives in src/connectors/<platform>/index.ts and exports a `Connector`. Connectors run in the
 * service worker only, make their HTTP calls through the shared axios instance, and throw on
 * transport or CRM failures: the engine turns errors into plain-words messages.
 */
import type {
  Contact,
  ContactType,
  CreateContactResult,
  CreatedContactInfo,
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
  /**
   * The log an earlier attempt of this Save left that no longer says what is being saved (the
   * user edited the form before saving again): the connector saves the new content and
   * overwrites or removes that log, so the call keeps one log with everything typed.
   */
  replacesLogId?: string;
}

/** A log an earlier attempt of this Save left in the CRM, as `findCallLog` reports it. */
export interface EarlierCallLog {
  logId: string;
  /** True when it differs from what is being saved now; absent or false when it is the same. */
  outdated?: boolean;
}

/** Which log `deleteCallLog` removes: the id `createCallLog` answered, and whose it is. */
export interface DeleteCallLogArgs {
  user: ConnectorUser;
  authHeader: string;
  logId: string;
  contact: { id: string | number; type?: string };
}

/** Which contact `renameContact` renames, and the name it gets (as typed, spaces collapsed). */
export interface RenameContactArgs {
  user: ConnectorUser;
  authHeader: string;
  contact: { id: string | number; type?: string };
  newName: string;
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
   * The log an earlier attempt of this Save left for this call, if any: asked before a Save is
   * retried, because an attempt that timed out may have been saved (the CRMs take no
   * idempotency key). `outdated` when the user has edited the log since.
   */
  findCallLog?(args: CreateCallLogArgs): Promise<EarlierCallLog | null>;
  /**
   * Removes a call log; resolves when it is gone, already gone included, and throws when the
   * CRM refuses. Asked only for a log that `findCallLog` reports as exactly what an earlier
   * attempt of the same Save sent to another contact than the one finally chosen.
   */
  deleteCallLog?(args: DeleteCallLogArgs): Promise<void>;
  /**
   * The contact an interrupted earlier attempt of this create made, for a CRM whose search
   * lags behind its writes: asked before a create is retried, when the search did not find it.
   */
  findCreatedContact?(
    args: CreateContactArgs,
  ): Promise<(CreatedContactInfo & { createdDate?: string | number }) | null>;
  /**
   * Gives a contact another name, nothing else changed; resolves when renamed, throws when the
   * CRM refuses. Asked when a retried create finds the contact an earlier attempt made under a
   * name the person has corrected since, so the correction is kept and no second contact made.
   */
  renameContact?(args: RenameContactArgs): Promise<void>;
  /** The host for contactPageUrl's {hostname} when the web app is not on the API host. */
  pageHostname?(hostname: string): string;
  /** Contact-dependent options for the log form, keyed by field const (e.g. deals, leads). */
  fetchLogFieldOptions?(
    user: ConnectorUser,
    authHeader: string,
    contact: Contact,
  ): Promise<Record<string, { const: string | number; title: string }[]>>;
}
