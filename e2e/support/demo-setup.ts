/**
 * Puts a fresh CallPop into a ready state, as a person would through the options page: connected
 * to an emulated Pipedrive and pointed at a softphone URL. Shared by the demo, the bridge e2e
 * tests and the pop-latency benchmark.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DEFAULT_SETTINGS, type Settings } from '../../src/features/settings/model/settings.ts';
import { callSessions, settingsItem, type CallSession } from '../../src/platform/storage/keys.ts';
import { pipedriveDraft } from './connect';
import { sendRequest } from './requests';

export { sendRequest };

export const SOFTPHONE_PAGE = 'src/entrypoints/softphone/index.html';

export async function connectPipedrive(page: Page, emulatorUrl: string): Promise<void> {
  await sendRequest(page, 'connection.save', pipedriveDraft(emulatorUrl));
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
