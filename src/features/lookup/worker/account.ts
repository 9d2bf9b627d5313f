/** The stored connection turned into what a connector call needs: user, auth header, scope. */
import type { Connector, ConnectorUser } from '@/connectors/types';
import {
  apiOrigin,
  type Connection,
  type ConnectionDraft,
} from '@/features/connection/model/connection';
import { ERROR_CODES } from '@/platform/messages';
import type { Settings } from '@/features/settings/model/settings';
import { withAccountCountry } from '@/features/settings/model/default-country';
import { area, withDefaults } from '@/platform/storage/define';
import {
  cacheFormatsItem,
  connectionItem,
  credentialsRejected,
  settingsItem,
  type CredentialsRejected,
} from '@/platform/storage/keys';
import { rejectionOf } from './credentials-status';
import { checkCacheFormats } from './formats-changed';
import { http } from '@/platform/worker/http/client';
import { applyRequestTimeout } from '@/platform/worker/http/timeout';
import { RequestError } from '@/platform/worker/request-error';
import type { CacheScope } from './cache';
import type { EngineDeps } from '@/connectors/deps';

export interface Account {
  connection: Connection;
  connector: Connector;
  user: ConnectorUser;
  authHeader: string;
  scope: CacheScope;
  settings: Settings;
  /** See loadSettingsAndConnection. */
  rejectedAt: number | undefined;
}

export function buildUser(draft: ConnectionDraft, userId = ''): ConnectorUser {
  return {
    id: userId,
    hostname: draft.hostname.trim(),
    platform: draft.platform,
    platformAdditionalInfo: { apiUrl: apiOrigin(draft.hostname) },
  };
}

/** Settings and connection in one storage read (both live in the local area). */
export async function loadSettingsAndConnection(): Promise<{
  settings: Settings;
  connection: Connection | null;
  /** When the CRM started refusing this connection's credentials (401), if it has. */
  rejectedAt: number | undefined;
  /** The formats the cached matches were searched with (see checkCacheFormats). */
  cacheFormats: string | null;
}> {
  const stored = await area('local').get([
    settingsItem.key,
    connectionItem.key,
    credentialsRejected.key,
    cacheFormatsItem.key,
  ]);
  // Both present is the usual case: one read. Otherwise each item is read on its own.
  const settings = withAccountCountry(
    settingsItem.key in stored
      ? withDefaults(settingsItem.definition.defaultValue, stored[settingsItem.key])
      : await settingsItem.get(),
  );
  const connection =
    connectionItem.key in stored
      ? (stored[connectionItem.key] as Connection | null)
      : await connectionItem.get();
  // Every CRM call starts here, so this is where the timeout setting reaches the client.
  applyRequestTimeout(http, settings);
  const rejected = stored[credentialsRejected.key] as CredentialsRejected | null | undefined;
  const cacheFormats = stored[cacheFormatsItem.key];
  return {
    settings,
    connection,
    rejectedAt: rejectionOf(connection, rejected),
    cacheFormats: typeof cacheFormats === 'string' ? cacheFormats : null,
  };
}

export async function loadAccount(deps: EngineDeps): Promise<Account> {
  const { settings, connection, rejectedAt, cacheFormats } = await loadSettingsAndConnection();
  if (!connection) {
    throw new RequestError(ERROR_CODES.notConnected, 'Connect a CRM in Options first.');
  }
  const { platform } = connection;
  const connector = deps.getConnector(platform);
  if (!connector) {
    throw new RequestError(ERROR_CODES.badRequest, `CallPop has no connector for "${platform}".`);
  }
  await checkCacheFormats(connector, settings, cacheFormats);
  return {
    connection,
    connector,
    user: buildUser(connection, connection.userId),
    authHeader: connector.authHeader(connection.credentials),
    scope: { accountId: connection.accountId, platform: connection.platform },
    settings,
    rejectedAt,
  };
}
