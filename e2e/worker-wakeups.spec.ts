/**
 * A stopped service worker is not started for nothing: typing in the popup (its draft goes to
 * session storage) leaves it stopped, while a settings change it must act on starts it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stopServiceWorker } from './support/stop-worker';

interface WorkerVersion {
  scriptURL: string;
  runningStatus: string;
}

/** Every running status Chrome reports for the extension's worker from now on. */
async function watchWorker(context: BrowserContext, page: Page): Promise<string[]> {
  const statuses: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    for (const v of versions) {
      if (v.scriptURL.startsWith('chrome-extension://')) statuses.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return statuses;
}

test('session-storage writes leave a stopped worker stopped; a settings change starts it', async ({
  context,
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('src/softphone/blank.html'));
  await stopServiceWorker(context, page);
  const statuses = await watchWorker(context, page);
  // What the popup does on each keystroke (src/popup/draft.ts).
  await page.evaluate(() =>
    chrome.storage.session.set({ 'popupDraft@v1': { number: '+1415555', at: Date.now() } }),
  );
  await page.waitForTimeout(1000);
  expect(statuses.filter((s) => s === 'starting' || s === 'running')).toEqual([]);

  // The watch does see a start: new phone formats wake the worker to empty the match cache.
  await page.evaluate(async () => {
    const key = 'settings@v1';
    const settings = (await chrome.storage.local.get(key))[key] ?? {};
    await chrome.storage.local.set({
      [key]: { ...settings, overridingFormats: ['(###) ###-####'] },
    });
  });
  await expect.poll(() => statuses.includes('running')).toBe(true);
});
