/** The stored connection turned into what a connector call needs: user, auth header, scope. */
import type { ConnectorUser } from '@/connectors/types';
import { apiOrigin, type ConnectionDraft } from '@/features/connection/model/connection';
import { ERROR_CODES } from '@/platform/messages';
import { withAccountCountry } from '@/features/settings/model/default-country';
import { area } from '@/platform/storage/define';
import {
  cacheFormatsItem,
  connectionItem,
  credentialsRejected,
  ownerNames,
  settingsItem,
} from '@/platform/storage/keys';
import { rejectionOf } from './credentials-status';
import { checkCacheFormats } from './formats-changed';
import { http } from '@/platform/worker/http/client';
import { requestTimeoutMs } from '@/platform/worker/http/timeout';
import { badRequest, RequestError } from '@/platform/worker/request-error';
import type { EngineDeps } from '@/connectors/deps';

export type Account = Awaited<ReturnType<typeof loadAccount>>;

export function buildUser(draft: ConnectionDraft, userId = ''): ConnectorUser {
  return {
    id: userId,
    hostname: draft.hostname.trim(),
    platform: draft.platform,
    platformAdditionalInfo: { apiUrl: apiOrigin(draft.hostname) },
  };
}

/** Settings and connection in one storage read (both live in the local area). */
export async function loadSettingsAndConnection() {
  const stored = await area('local').get([
    settingsItem.key,
    connectionItem.key,
    credentialsRejected.key,
    cacheFormatsItem.key,
    ownerNames.key,
  ]);
  const settings = withAccountCountry(settingsItem.valueIn(stored));
  const connection = connectionItem.valueIn(stored);
  // Every CRM call starts here, so this is where the timeout setting reaches the client.
  http.defaults.timeout = requestTimeoutMs(settings.requestTimeoutSeconds);
  return {
    settings,
    connection,
    rejectedAt: rejectionOf(connection, credentialsRejected.valueIn(stored)),
    cacheFormats: cacheFormatsItem.valueIn(stored),
    owners: ownerNames.valueIn(stored),
  };
}

export async function loadAccount(deps: EngineDeps) {
  const { settings, connection, rejectedAt, cacheFormats, owners } =
    await loadSettingsAndConnection();
  if (!connection) {
    throw new RequestError(ERROR_CODES.notConnected, 'Connect a CRM in Options first.');
  }
  const { platform } = connection;
  const connector = deps.getConnector(platform);
  if (!connector) badRequest(`CallPop has no connector for "${platform}".`);
  await checkCacheFormats(connector, settings, cacheFormats);
  return {
    connection,
    connector,
    user: buildUser(connection, connection.userId),
    authHeader: connector.authHeader(connection.credentials),
    scope: { accountId: connection.accountId, platform: connection.platform },
    /** Keys the CRM's request slots and pace: one per platform and host. */
    crm: `${platform}:${connection.hostname}`,
    settings,
    /** When the CRM started refusing this connection's credentials (401), if it has. */
    rejectedAt,
    owners,
  };
}
