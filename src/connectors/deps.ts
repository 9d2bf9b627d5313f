/** What the engine needs from outside, passed in so tests can use fake connectors and clocks. */
import type { Connector } from './types';
import type { PlatformName } from '@/features/connection/model/connection';
import { sleep } from '@/platform/sleep';

export interface EngineDeps {
  getConnector: (platform: PlatformName) => Connector | undefined;
  listConnectors: () => Connector[];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** A batch (the softphone's list): half the CRM's rate and its own slots, so calls go first. */
  batch?: boolean;
}

export const realClock: Pick<EngineDeps, 'now' | 'sleep'> = {
  now: () => Date.now(),
  sleep,
};
