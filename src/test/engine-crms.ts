/**
 * Engine tests with the real connectors against the CRM emulators: both emulators started once
 * per file and reset before each test, and CallPop connected to either.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Connector } from '@/connectors/types';
import type { Connection } from '@/features/connection/model/connection';
import { DEFAULT_SETTINGS, type Settings } from '@/features/settings/model/settings';
import { connectionItem, settingsItem } from '@/platform/storage/keys';
import {
  INSIGHTLY_API_KEY,
  startInsightly,
  type InsightlyEmulator,
} from '../../e2e/emulators/insightly.ts';
import {
  PIPEDRIVE_API_TOKEN,
  PIPEDRIVE_USER,
  startPipedrive,
  type PipedriveEmulator,
} from '../../e2e/emulators/pipedrive.ts';
import { realClock, type EngineDeps } from '@/connectors/deps';

export interface EmulatedCrms {
  pd: PipedriveEmulator;
  is: InsightlyEmulator;
}

/** Registers the file's hooks; the emulators are there from the first test on. */
export function emulatedCrms(): EmulatedCrms {
  const crms = {} as EmulatedCrms;
  beforeAll(async () => {
    [crms.pd, crms.is] = await Promise.all([startPipedrive(), startInsightly()]);
  });
  afterAll(async () => {
    await Promise.all([crms.pd.close(), crms.is.close()]);
  });
  beforeEach(() => {
    crms.pd.reset();
    crms.is.reset();
  });
  return crms;
}

/** `sleep`: how the Save's background checks wait (by default, never: they do not run). */
export const depsFor = (
  connector: Connector,
  sleep: EngineDeps['sleep'] = () => new Promise(() => undefined),
): EngineDeps => ({
  ...realClock,
  sleep,
  getConnector: () => connector,
  listConnectors: () => [connector],
});

async function connect(
  connection: Pick<Connection, 'platform' | 'hostname' | 'credentials'>,
  settings: Partial<Settings>,
): Promise<void> {
  await connectionItem.set({
    ...connection,
    accountId: 'acct1',
    userId: String(PIPEDRIVE_USER.id),
    userName: 'Dana',
    connectedAt: 1,
  });
  await settingsItem.set({ ...DEFAULT_SETTINGS, ...settings });
}

export const connectPipedrive = (pd: PipedriveEmulator, settings: Partial<Settings> = {}) =>
  connect(
    {
      platform: 'pipedrive',
      hostname: pd.url,
      credentials: { kind: 'apiToken', token: PIPEDRIVE_API_TOKEN },
    },
    settings,
  );

export const connectInsightly = (is: InsightlyEmulator, settings: Partial<Settings> = {}) =>
  connect(
    {
      platform: 'insightly',
      hostname: is.url,
      credentials: { kind: 'apiKey', apiKey: INSIGHTLY_API_KEY },
    },
    settings,
  );
