/**
 * A stopped service worker is not started for nothing: typing in the popup (its draft goes to
 * session storage) leaves it stopped.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sendRequest } from './support/requests';
import { stopServiceWorker } from './support/stop-worker';

/** Whether the extension's worker is running now, as Chrome lists the extension's contexts. */
function workerStatus(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const workers = await chrome.runtime.getContexts({ contextTypes: ['BACKGROUND'] });
    return workers.length > 0 ? 'running' : 'stopped';
  });
}

test('session-storage writes leave a stopped worker stopped', async ({
  context,
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('src/entrypoints/softphone/blank.html'));
  // Stopped, and still stopped as long as the check below waits: whatever else may start it
  // (install work Chrome replays) has had its turn before the write.
  await expect
    .poll(async () => {
      await stopServiceWorker(context, page);
      await page.waitForTimeout(1000);
      return workerStatus(page);
    })
    .toBe('stopped');

  // What the popup does on each keystroke (src/entrypoints/popup/draft.ts).
  await page.evaluate(() =>
    chrome.storage.session.set({ 'popupDraft@v1': { number: '+1415555', at: Date.now() } }),
  );
  await page.waitForTimeout(1000);
  expect(await workerStatus(page)).toBe('stopped');

  // The check does see a start: a message to the worker (what every page request is) wakes it.
  await sendRequest(page, 'connection.get', undefined);
  expect(await workerStatus(page)).toBe('running');
});
