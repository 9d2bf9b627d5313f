/**
 * Day one: install opens a short setup page (connect, country, softphone, "you're set"), the
 * options page keeps the rest under Advanced, and the toolbar shortcuts are declared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { callSessions } from '../src/platform/storage/keys';
import { PIPEDRIVE_API_TOKEN } from './emulators/pipedrive';
import { DIST, expect, test } from './fixtures';
import { seriousViolations } from './support/axe';
import { sendCallEvent, ringing } from './support/connect';
import { CallPopPage } from './pages/callpop-page';

const SETUP = 'src/entrypoints/setup/index.html';

const setupPage = async (context: BrowserContext) => {
  const isSetup = (p: { url: () => string }) => p.url().endsWith(SETUP);
  return (
    context.pages().find(isSetup) ??
    (await context.waitForEvent('page', { predicate: isSetup, timeout: 15_000 }))
  );
};

test('install opens the setup page: connect, the country from the browser, the softphone, done', async ({
  context,
  pd,
}) => {
  const page = await setupPage(context);
  await expect(page.getByRole('heading', { name: 'Set up CallPop' })).toBeVisible();
  // The country is the browser's region (en-US here) until one is chosen.
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await expect(page.getByLabel('Default country')).toHaveValue('');
  await expect(page.getByLabel('Default country').locator('option:checked')).toHaveText(
    "United States (+1), your browser's region",
  );
  await expect(page.getByText('Connect a CRM first.')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/setup.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Pipedrive domain').fill(pd.url);
  await page.getByLabel('API token').fill(PIPEDRIVE_API_TOKEN);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connection-notice')).toHaveText(
    'Connected to Pipedrive as Dana Demo.',
  );
  const softphone = context.waitForEvent('page', (p) => p.url().includes('softphone/index.html'));
  await page.getByRole('button', { name: 'Open softphone' }).click();
  await softphone;
  await expect(page.getByTestId('setup-done')).toContainText("You're set.");
  await page.screenshot({ path: 'docs/screenshots/setup-done.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});

test('the options page shows the connection and the country; the rest waits under Advanced', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('src/entrypoints/options/index.html'));
  await expect(page.getByLabel('Default country')).toBeVisible();
  await expect(page.getByLabel('Softphone address')).toBeHidden();
  await expect(page.getByLabel('Format 1')).toBeHidden();
  await page.screenshot({ path: '/tmp/setup-options.png', fullPage: true });
  await page.getByText('Advanced settings').click();
  await expect(page.getByLabel('Softphone address')).toBeVisible();
});

test('the toolbar badge says "not connected", then clears', async ({ serviceWorker, pdPage }) => {
  const badge = () =>
    serviceWorker.evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      title: await chrome.action.getTitle({}),
    }));
  // pdPage connected: the badge clears without a lookup.
  await expect.poll(badge).toEqual({ text: '', title: 'CallPop' });
  await pdPage.evaluate(() => chrome.storage.local.remove('connection@v1'));
  await expect.poll(badge).toEqual({ text: '!', title: 'CallPop: not connected to a CRM' });
});

test('the toolbar badge says the CRM is failing after a failed lookup, and clears after a good one', async ({
  serviceWorker,
  popup,
  pd,
}) => {
  const title = () => serviceWorker.evaluate(() => chrome.action.getTitle({}));
  pd.faults.add({ kind: 'status', status: 503, path: /search/, times: -1 });
  await popup.lookUp('+14155550101');
  await expect.poll(title).toBe('CallPop: the last lookup in Pipedrive failed');
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  pd.faults.clear();
  await popup.lookUp('+14155550102');
  await expect.poll(title).toBe('CallPop');
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});

test("the manifest declares the shortcuts; the call shortcut brings the current call's window forward", async ({
  context,
  serviceWorker,
  pdPage,
}) => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key?: { default: string } }>;
  };
  expect(Object.keys(manifest.commands).sort()).toEqual(['_execute_action', 'show-call']);
  expect(manifest.commands._execute_action?.suggested_key?.default).toBeTruthy();

  await sendCallEvent(pdPage, ringing('s-shortcut', '+14155550101'));
  const first = await CallPopPage.waitFor(context, 's-shortcut');
  const callWindowId = await serviceWorker.evaluate(async (key) => {
    const { [key]: call } = await chrome.storage.session.get(key);
    return (call as { windowId: number }).windowId;
  }, callSessions.keyFor('s-shortcut'));
  // Chrome cannot press a shortcut headless: the listener is called as Chrome would call it.
  const pressShortcut = () =>
    serviceWorker.evaluate(() =>
      (chrome.commands.onCommand as unknown as { dispatch: (c: string) => void }).dispatch(
        'show-call',
      ),
    );
  // Headless Chrome keeps no window focus to read back: what the worker asks for is recorded.
  await serviceWorker.evaluate(() => {
    const update = chrome.windows.update.bind(chrome.windows);
    const asked: unknown[] = [];
    Object.assign(globalThis, { focusAsked: asked });
    chrome.windows.update = (id: number, info: chrome.windows.UpdateInfo) => {
      asked.push([id, info.focused]);
      return update(id, info);
    };
  });
  await pressShortcut();
  await expect
    .poll(() => serviceWorker.evaluate(() => (globalThis as { focusAsked?: unknown }).focusAsked))
    .toEqual([[callWindowId, true]]);
  // Its window closed: the shortcut opens it again.
  await first.page.close();
  const reopened = CallPopPage.waitFor(context, 's-shortcut');
  await pressShortcut();
  await expect((await reopened).page.getByText('Alice Johnson').first()).toBeVisible();
});
