/** Test support: a HubSpot emulator with a clock tests move, and connector arguments for it. */
import {
  HUBSPOT_TOKEN,
  startHubSpot,
  type HubSpotEmulator,
  type HubSpotOptions,
} from '../../../e2e/emulators/hubspot.ts';
import type { ConnectorUser, FindContactArgs } from '../types';
import { hubspot } from './index';

export const TOKEN_AUTH = hubspot.authHeader({ kind: 'apiToken', token: HUBSPOT_TOKEN });

/** The emulator's clock runs `ahead` ms in front of the real one: indexing lag without waiting. */
export const clock = { ahead: 0, now: () => Date.now() + clock.ahead };

/** Searches are not limited unless a test says so (HubSpot: 4 a second). */
export const startTestHubSpot = (opts: HubSpotOptions = {}): Promise<HubSpotEmulator> =>
  startHubSpot({ now: clock.now, searchPerSecond: 1000, ...opts });

export function userFor(hs: HubSpotEmulator): ConnectorUser {
  return { id: '12345678', hostname: hs.url, platform: 'hubspot' };
}

export function findArgs(hs: HubSpotEmulator, phoneNumber: string): FindContactArgs {
  return {
    user: userFor(hs),
    authHeader: TOKEN_AUTH,
    phoneNumber,
    overridingFormat: '',
    isExtension: false,
    proxyConfig: null,
    tracer: null,
    isForceRefreshAccountData: false,
  };
}
