/** Test support: the connector arguments pointing at an Insightly emulator. */
import { INSIGHTLY_API_KEY, type InsightlyEmulator } from '../../../e2e/emulators/insightly.ts';
import type { ConnectorUser, FindContactArgs } from '../types';
import { insightlyAuthHeader } from './auth';

export const KEY_AUTH = insightlyAuthHeader({ kind: 'apiKey', apiKey: INSIGHTLY_API_KEY });

export function userFor(is: InsightlyEmulator): ConnectorUser {
  return { id: '4001', hostname: is.url, platform: 'insightly' };
}

export function findArgs(
  is: InsightlyEmulator,
  phoneNumber: string,
  overridingFormat = '',
): FindContactArgs {
  return {
    user: userFor(is),
    authHeader: KEY_AUTH,
    phoneNumber,
    overridingFormat,
    isExtension: false,
    proxyConfig: null,
    tracer: null,
    isForceRefreshAccountData: false,
  };
}
