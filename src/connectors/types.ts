// The connector contract (App Connect's): src/connectors/<platform>/index.ts exports a `Connector`,
// runs in the worker only, uses the shared HTTP client, and throws on failure (engine words it).
import type {
  Contact,
  ContactType,
  CreateContactResult,
  FindContactResult,
  ReturnMessage,
} from '@/features/lookup/model/contact';
import type { Connection, Credentials, PlatformName } from '@/features/connection/model/connection';
import type { CallDirection, CallResult, ConnectorInfo } from '@/platform/messages';

/** What a connector knows about the person using CallPop. */
export interface ConnectorUser {
  id: string;
  /** A bare host (`acme.pipedrive.com`) or an origin with a scheme, used as is. */
  hostname: string;
  platform: PlatformName;
  platformAdditionalInfo?: Record<string, unknown>;
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
  /** App Connect's debug tracer, kept in the signature; CallPop never traces. */
  tracer: null;
  isForceRefreshAccountData: boolean;
}

/** What the engine lends a lookup besides App Connect's arguments. */
export interface FindHooks {
  /** Await before each request: resolves when it keeps within the CRM's per-second rate. */
  pace(): Promise<void>;
  /** Contacts found so far, before what only orders or enriches them arrives; may be called often. */
  onPartial(contacts: Contact[]): void;
}

/** A name search is lent the pace alone. */
export type Pace = Pick<FindHooks, 'pace'>;

/** App Connect's findContactWithName (hooks.pace is awaited before each request): `name` is what
 * the person typed, part of a name or an email. Matches as findContact's, never the placeholder. */
export interface FindContactWithNameArgs {
  user: ConnectorUser;
  authHeader: string;
  name: string;
}

export interface AddPhoneNumberArgs {
  user: ConnectorUser;
  authHeader: string;
  contact: Pick<Contact, 'id' | 'type' | 'name'>;
  /** E.164; added beside the phones the contact has, which are kept. */
  phoneNumber: string;
  /** The user's phone formats, as findContact gets them: a number is written as lookups search it. */
  overridingFormat?: string;
  /** Only numbers of this country are written in those formats, which are the user's own. */
  defaultCountry?: string;
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

// The CRMs take no idempotency key: a retry after an unclear outcome adopts what `find` returns,
// and for a while `remove`s copies a late earlier attempt leaves, so one remains (docs/saves.md).
export interface SaveCheck {
  // Ids of records meaning what `save` says (contact: name, number; log: contact, start, numbers,
  // subject, note). A contact must date from `since` (epoch ms) on: an older one is someone's own.
  find(save: SavedRecord, since: number): Promise<string[]>;
  /** Deletes one of them; resolves when it is gone (already gone included). */
  remove(save: SavedRecord, id: string): Promise<void>;
}

export interface CreateCallLogResult {
  logId: string;
  returnMessage?: ReturnMessage | null;
}

export interface ConnectorManifest {
  name: PlatformName;
  displayName: string;
  /** Offered in the "Contact type" picker; omitted or one entry when the CRM has one type. */
  contactTypes?: ContactType[];
  /** Tokens: {hostname} (the CRM origin), {accountId}, {contactId}, {contactType} (encoded). */
  contactPageUrl: string;
  /** {contactType} in page URLs, by contact type, when the CRM names types otherwise there. */
  pageTypes?: Record<string, string>;
  auth: { kinds: Credentials['kind'][] };
  /** Connection fields shown on the options page. */
  settings: ConnectorInfo['settings'];
  /** Formats matter for CRMs that only match numbers exactly as stored. */
  usesOverridingFormats: boolean;
  /** The CRM's documented requests per second for one token; the limiter keeps under it. */
  maxRequestsPerSecond?: number;
  /** findContact takes isExtension; when absent, internal calls never pop (nothing to look up). */
  searchesExtensions?: boolean;
  /** Contact-dependent fields the log form fetches for a chosen contact. */
  logFields?: { const: string; title: string }[];
}

export type ConnectionCheck = Pick<Connection, 'accountId' | 'userId' | 'userName' | 'pageHost'>;

export interface Connector {
  manifest: ConnectorManifest;
  /** The value handed to the connector as `authHeader` (e.g. `Bearer …`, `Basic …`). */
  authHeader(credentials: Credentials): string;
  /** Calls the CRM once with the credentials; throws if they, or the hostname, are wrong. */
  checkConnection(user: ConnectorUser, authHeader: string): Promise<ConnectionCheck>;
  findContact(args: FindContactArgs, hooks?: FindHooks): Promise<FindContactResult>;
  createContact(args: CreateContactArgs): Promise<CreateContactResult>;
  findContactWithName(args: FindContactWithNameArgs, hooks?: Pace): Promise<FindContactResult>;
  /** Throws when the CRM refused; then the contact is as it was. */
  addPhoneNumber(args: AddPhoneNumberArgs): Promise<void>;
  createCallLog(args: CreateCallLogArgs): Promise<CreateCallLogResult>;
  /** Without it, a retry after an unclear outcome writes again (the form says so). */
  saveCheck?: SaveCheck;
  /** The host for contactPageUrl's {hostname} when the web app is not on the API host. */
  pageHostname?(hostname: string): string;
  /** Contact-dependent options for the log form, keyed by field const (e.g. deals, leads). */
  fetchLogFieldOptions?(
    user: ConnectorUser,
    authHeader: string,
    contact: Contact,
  ): Promise<Record<string, { const: string | number; title: string }[]>>;
  /** The account's users as id → name, for contacts' ownerId (never on the lookup path). */
  listUsers?(user: ConnectorUser, authHeader: string): Promise<Record<string, string>>;
}
