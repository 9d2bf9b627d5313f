/** connectors.list and connection.get/test/save/disconnect, with failures in plain words. */
import type { Connector } from '@/connectors/types';
import {
  apiOrigin,
  checkAddress,
  originPattern,
  type Connection,
  type ConnectionDraft,
  type ConnectionSummary,
  type Credentials,
} from '../model/connection';
import { ERROR_CODES, type ConnectorInfo } from '@/platform/messages';
import {
  callSessions,
  connectionItem,
  credentialsRejected,
  popupDraft,
  saveRequests,
} from '@/platform/storage/keys';
import { classifyError } from '@/platform/worker/http/errors';
import { badRequest, RequestError } from '@/platform/worker/request-error';
import {
  buildUser,
  loadSettingsAndConnection,
  clearCache,
  failureSentence,
} from '@/features/lookup/worker';
import type { EngineDeps } from '@/connectors/deps';
import { isRecord } from '@/platform/is-record';

export function connectorInfo(connector: Connector): ConnectorInfo {
  const { manifest } = connector;
  return {
    name: manifest.name,
    displayName: manifest.displayName,
    contactTypes: manifest.contactTypes ?? [],
    authKinds: manifest.auth.kinds,
    settings: manifest.settings,
    usesOverridingFormats: manifest.usesOverridingFormats,
    logFields: manifest.logFields ?? [],
  };
}

const SECRET_FIELD = { apiToken: 'token', oauth: 'accessToken', apiKey: 'apiKey' } as const;

// Stores nothing else a page sends; a bad kind or secret is left for the connector's authHeader
// to refuse in its own plain words.
function cleanCredentials(value: unknown, connector: Connector): Credentials {
  const given = isRecord(value) ? value : {};
  const known = Object.hasOwn(SECRET_FIELD, String(given.kind));
  const kind = (known ? given.kind : connector.manifest.auth.kinds[0]) as Credentials['kind'];
  const secret = known ? given[SECRET_FIELD[kind]] : '';
  return { kind, [SECRET_FIELD[kind]]: typeof secret === 'string' ? secret : '' } as Credentials;
}

// The address field the options page checked, checked again by the same rule: the stored
// hostname is a bare host or an origin, its API version dropped (connectors add theirs).
function addressField(connector: Connector) {
  const field = connector.manifest.settings.find((s) => s.id === 'hostname');
  return field ?? { label: 'address', required: true, placeholder: 'acme.pipedrive.com' };
}

function prepare(draft: ConnectionDraft, deps: EngineDeps) {
  if (!draft || typeof draft !== 'object') badRequest('Fill in the connection form first.');
  const connector = deps.getConnector(draft.platform);
  if (!connector) badRequest('Choose a CRM to connect to.');
  const typed = typeof draft.hostname === 'string' ? draft.hostname : '';
  const address = checkAddress(addressField(connector), typed, connector.manifest.displayName);
  if (!address.ok) badRequest(address.message);
  const hostname = address.value;
  const origin = new URL(apiOrigin(hostname));
  const credentials = cleanCredentials(draft.credentials, connector);
  let authHeader: string;
  try {
    authHeader = connector.authHeader(credentials);
  } catch (error) {
    // Connectors explain bad credential input in plain words (e.g. "Enter your API token.").
    badRequest(error instanceof Error ? error.message : 'The credentials are not readable.');
  }
  return {
    connector,
    origin,
    hostname,
    credentials,
    authHeader,
    user: buildUser({ ...draft, hostname }),
  };
}

const CREDENTIAL_NAME = { apiToken: 'API token', oauth: 'sign-in', apiKey: 'API key' } as const;
const credentialName = (draft: ConnectionDraft) =>
  CREDENTIAL_NAME[draft.credentials?.kind] ?? 'API token';

/** `again` is what the person does next on the options page: "Test" or "Connect" again. */
async function check(draft: ConnectionDraft, deps: EngineDeps, again: 'Test' | 'Connect') {
  const { connector, origin, authHeader, user } = prepare(draft, deps);
  await loadSettingsAndConnection(); // applies the request timeout setting
  const crm = connector.manifest.displayName;
  try {
    const result = await connector.checkConnection(user, authHeader);
    return { connector, origin, result };
  } catch (error) {
    const failure = classifyError(error);
    const where = origin.host;
    // Typed without a scheme, the address was tried over https: it may be an http one.
    const schemeHint = /^https?:/i.test(String(draft.hostname).trim())
      ? ''
      : ` CallPop tried ${origin.origin}: if the address starts with http://, type it in full.`;
    const messages: Partial<Record<typeof failure.kind, string>> = {
      auth: `The ${credentialName(draft)} was rejected by ${crm}. Copy it again from ${crm} and paste it here.`,
      forbidden: `${crm} refused access for this ${credentialName(draft)}. Ask your ${crm} admin for API access.`,
      notFound: `No ${crm} company at ${where}. Check the address, for example ${addressField(connector).placeholder ?? 'crm.example.com'}.`,
      network: `Could not reach ${where}. Check the address and that you are online.${schemeHint}`,
      timeout: `Could not reach ${where}: it did not answer in time. Check the address and try again.`,
      malformed: `${where} did not answer like the ${crm} API. Check the address.`,
      // The lookup wording says "press Refresh": the options page has no Refresh.
      rateLimited: `${crm} is rate limiting CallPop. Wait a minute, then ${again.toLowerCase()} again.`,
      unavailable: `${crm} is unavailable: it had a server error. ${again} again in a moment.`,
    };
    throw new RequestError(
      ERROR_CODES.crm,
      messages[failure.kind] ?? failureSentence(failure.kind, crm, failure.message),
    );
  }
}

export async function testConnection(draft: ConnectionDraft, deps: EngineDeps) {
  const { connector, result } = await check(draft, deps, 'Test');
  // Nothing is saved by a test: the message must not read as a connection.
  const crm = connector.manifest.displayName;
  return {
    userName: result.userName,
    message: `Test passed: ${crm} accepts this ${credentialName(draft)} as ${result.userName}. Press Connect to save it.`,
  };
}

export function summary(
  connector: Connector,
  connection: Connection,
  rejectedAt?: number,
): ConnectionSummary {
  return {
    platform: connection.platform,
    displayName: connector.manifest.displayName,
    hostname: connection.hostname,
    userName: connection.userName,
    connectedAt: connection.connectedAt,
    ...(rejectedAt !== undefined ? { rejectedAt } : {}),
  };
}

export async function saveConnection(
  draft: ConnectionDraft,
  deps: EngineDeps,
): Promise<ConnectionSummary> {
  const { origin, hostname, credentials } = prepare(draft, deps);
  const pattern = originPattern(hostname);
  if (!pattern || !(await chrome.permissions.contains({ origins: [pattern] }))) {
    badRequest(
      `CallPop needs permission to reach ${origin.host}. Allow it when Chrome asks, then save again.`,
    );
  }
  const { connector, result } = await check(draft, deps, 'Connect');
  const connection = {
    platform: draft.platform,
    hostname,
    credentials,
    accountId: result.accountId,
    userId: result.userId,
    userName: result.userName,
    connectedAt: deps.now(),
    ...(result.pageHost ? { pageHost: result.pageHost } : {}),
  };
  const previous = await connectionItem.get();
  await connectionItem.set(connection);
  await credentialsRejected.remove();
  // Another account's cached contacts must not show for this one; same account keeps them.
  if (
    previous &&
    (previous.accountId !== connection.accountId || previous.platform !== connection.platform)
  ) {
    await clearCache();
  }
  if (previous && originPattern(previous.hostname) !== pattern) {
    await releaseHost(previous.hostname);
  }
  return summary(connector, connection);
}

export async function getConnection(deps: EngineDeps): Promise<ConnectionSummary | null> {
  const { connection, rejectedAt } = await loadSettingsAndConnection();
  if (!connection) return null;
  const connector = deps.getConnector(connection.platform);
  return connector ? summary(connector, connection, rejectedAt) : null;
}

// Also drops every account's cached contacts and this session's calls, Saves and unsaved form
// (names and numbers all), then gives back the host permission.
export async function disconnect(): Promise<{ removedContacts: number }> {
  const connection = await connectionItem.get();
  await connectionItem.remove();
  await credentialsRejected.remove();
  const removedContacts = await clearCache();
  await Promise.all([
    callSessions.ids().then((ids) => callSessions.remove(ids)),
    saveRequests.ids().then((ids) => saveRequests.remove(ids)),
    // The popup's unsaved form holds this account's contacts (and would log against its ids).
    popupDraft.remove(),
  ]);
  if (connection) await releaseHost(connection.hostname);
  return { removedContacts };
}

// Loopback http is granted at install and cannot be removed: only https hosts are released.
async function releaseHost(hostname: string): Promise<void> {
  const pattern = originPattern(hostname);
  if (!pattern?.startsWith('https:')) return;
  await chrome.permissions
    .remove({ origins: [pattern] })
    .catch((error: unknown) =>
      console.warn('CallPop: the CRM host permission was not removed', error),
    );
}
