/**
 * Puts a fresh CallPop into a ready state, as a person would through the options page: connected
 * to an emulated CRM and pointed at a softphone URL. Shared by the demo, the bridge e2e tests
 * and the pop-latency benchmark.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { ConnectionDraft } from '../../src/features/connection/model/connection.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/features/settings/model/settings.ts';
import { callSessions, settingsItem, type CallSession } from '../../src/platform/storage/keys.ts';
import type { Emulator } from '../emulators/harness.ts';
import { hubspotSeed } from '../emulators/hubspot-data.ts';
import { HUBSPOT_NUMBERS, HUBSPOT_TOKEN, startHubSpot } from '../emulators/hubspot.ts';
import { insightlySeed } from '../emulators/insightly-data.ts';
import {
  INSIGHTLY_API_KEY,
  INSIGHTLY_CONTACTS,
  INSIGHTLY_NUMBERS,
  startInsightly,
} from '../emulators/insightly.ts';
import { pipedriveSeed } from '../emulators/pipedrive-data.ts';
import {
  PIPEDRIVE_API_TOKEN,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  startPipedrive,
} from '../emulators/pipedrive.ts';
import { hubspotDraft, insightlyDraft, pipedriveDraft } from './connect';
import { sendRequest } from './requests';

export { sendRequest };

export const SOFTPHONE_PAGE = 'src/entrypoints/softphone/index.html';

export async function connectPipedrive(page: Page, emulatorUrl: string): Promise<void> {
  await sendRequest(page, 'connection.save', pipedriveDraft(emulatorUrl));
}

/** A CRM the demo (`npm start`) can run against, chosen with DEMO_CRM. */
export interface DemoCrm {
  name: 'pipedrive' | 'insightly' | 'hubspot';
  displayName: string;
  /** Where the emulator keeps its data between runs. */
  dataFile: string;
  seed: () => object;
  start: (dataFile: string) => Promise<Emulator<unknown>>;
  draft: (url: string) => ConnectionDraft;
  /** What the options page calls the secret, and the emulator's. */
  secret: { label: string; value: string };
  /** The call the printed first step and the smoke run make, and who it pops. */
  firstCall: { number: string; name: string };
  /** Printed after the first step: more numbers to try. */
  moreCalls: string;
}

const pd = PIPEDRIVE_PERSONS;
const is = INSIGHTLY_CONTACTS;
const fullName = (c: { first: string; last: string }) => `${c.first} ${c.last}`;

export const DEMO_CRMS: Record<DemoCrm['name'], DemoCrm> = {
  pipedrive: {
    name: 'pipedrive',
    displayName: 'Pipedrive',
    dataFile: '.demo/pipedrive.json',
    seed: pipedriveSeed,
    start: (dataFile) => startPipedrive({ dataFile }),
    draft: pipedriveDraft,
    secret: { label: 'API token', value: PIPEDRIVE_API_TOKEN },
    firstCall: { number: PIPEDRIVE_NUMBERS.alice, name: pd.alice.name },
    moreCalls: `${PIPEDRIVE_NUMBERS.shared} (two matches: ${pd.carol.name} and ${pd.dan.name})`,
  },
  insightly: {
    name: 'insightly',
    displayName: 'Insightly',
    dataFile: '.demo/insightly.json',
    seed: insightlySeed,
    start: (dataFile) => startInsightly({ dataFile }),
    draft: insightlyDraft,
    secret: { label: 'API key', value: INSIGHTLY_API_KEY },
    firstCall: { number: INSIGHTLY_NUMBERS.quinn, name: fullName(is.quinn) },
    moreCalls: `${INSIGHTLY_NUMBERS.mayaNoah} (two matches: ${fullName(is.maya)} and ${fullName(is.noah)})`,
  },
  hubspot: {
    name: 'hubspot',
    displayName: 'HubSpot',
    dataFile: '.demo/hubspot.json',
    seed: hubspotSeed,
    // Search finds new records after 10 s, as on HubSpot; record pages open on the emulator.
    start: async (dataFile) => {
      const emulator = await startHubSpot({ dataFile, indexLagMs: 10_000 });
      emulator.data.uiDomain = emulator.url;
      return emulator;
    },
    draft: hubspotDraft,
    secret: { label: 'Private app access token', value: HUBSPOT_TOKEN },
    firstCall: { number: HUBSPOT_NUMBERS.punctuated, name: 'Alice Johnson' },
    moreCalls: `${HUBSPOT_NUMBERS.shared} (two matches: Carol Diaz and Dan Carter), ${HUBSPOT_NUMBERS.company} (a company)`,
  },
};

/** The demo's CRM from DEMO_CRM (Pipedrive when unset), or a sentence saying what to set. */
export function demoCrmFrom(value: string | undefined): DemoCrm | string {
  const name = (value ?? '').trim().toLowerCase() || 'pipedrive';
  if (name === 'pipedrive' || name === 'insightly' || name === 'hubspot') return DEMO_CRMS[name];
  return `DEMO_CRM=${value} is not a demo CRM: use DEMO_CRM=pipedrive (the default), DEMO_CRM=insightly or DEMO_CRM=hubspot.`;
}

export async function connectDemoCrm(page: Page, crm: DemoCrm, emulatorUrl: string): Promise<void> {
  await sendRequest(page, 'connection.save', crm.draft(emulatorUrl));
}

type SettingsChange = Omit<Partial<Settings>, 'callPop' | 'softphone'> & {
  callPop?: Partial<Settings['callPop']>;
  softphone?: Partial<Settings['softphone']>;
};

/** Writes settings the way the options page does: one typed item, merged over what is stored. */
export async function updateSettings(page: Page, change: SettingsChange): Promise<void> {
  await page.evaluate(
    async ([key, defaults, next]) => {
      const stored = (await chrome.storage.local.get(key))[key] as Settings | undefined;
      const current = { ...defaults, ...stored };
      await chrome.storage.local.set({
        [key]: {
          ...current,
          ...next,
          callPop: { ...current.callPop, ...next.callPop },
          softphone: { ...current.softphone, ...next.softphone },
        },
      });
    },
    [settingsItem.key, DEFAULT_SETTINGS, change] as const,
  );
}

/** The call as the worker recorded it (chrome.storage.session), or undefined. */
export async function callSession(worker: Worker, sessionId: string) {
  const key = callSessions.keyFor(sessionId);
  return worker.evaluate(
    async (k) => (await chrome.storage.session.get(k))[k] as CallSession | undefined,
    key,
  );
}

export function callPopPages(context: BrowserContext): Page[] {
  return context.pages().filter((p) => p.url().includes('src/entrypoints/callpop/index.html'));
}
