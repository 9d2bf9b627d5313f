/** Test support: a Pipedrive emulator plus the connector arguments pointing at it. */
import { PIPEDRIVE_API_TOKEN, type PipedriveEmulator } from '../../../e2e/emulators/pipedrive.ts';
import type { ConnectorUser, FindContactArgs } from '../types';
import { pipedriveAuthHeader } from './auth';

export const TOKEN_AUTH = pipedriveAuthHeader({ kind: 'apiToken', token: PIPEDRIVE_API_TOKEN });

export function userFor(pd: PipedriveEmulator): ConnectorUser {
  return { id: '9001', hostname: pd.url, platform: 'pipedrive' };
}

export function findArgs(pd: PipedriveEmulator, phoneNumber: string): FindContactArgs {
  return {
    user: userFor(pd),
    authHeader: TOKEN_AUTH,
    phoneNumber,
    overridingFormat: '',
    isExtension: false,
    proxyConfig: null,
    tracer: null,
    isForceRefreshAccountData: false,
  };
}
