/**
 * The call window as a person meets it beside the softphone window: it opens beside it, never on
 * it, where the person last put it; ended calls' windows make way for the next call's; it fills
 * in by itself once the CRM answers again; and it says so when the CRM connection changed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { startInsightly } from './emulators/insightly';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { DIST, expect } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage } from './pages/log-form';
import { SoftphonePage } from './pages/softphone-page';
import { test as base } from './softphone-fixtures';
import { extensionArgs, findBrowser } from './support/browser';
import {
  callSession,
  connectDemoCrm,
  connectPipedrive,
  DEMO_CRMS,
  SOFTPHONE_PAGE,
  updateSettings,
} from './support/demo-setup';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const test = base.extend({
  // No viewport: Playwright would resize every window to it, and the test is about windows.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  context: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'callpop-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findBrowser(),
      headless: false, // chosen with --headless=new, which keeps extension support
      args: extensionArgs(DIST, { headless: process.env.HEADED !== '1' }),
      viewport: null,
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  // The softphone in its own window at the screen's left, as the toolbar opens it.
  softphone: async ({ page, context, serviceWorker, extensionUrl, crm, fakeServer }, use) => {
    await page.goto(extensionUrl('src/entrypoints/options/index.html'));
    await connectPipedrive(page, crm.url);
    await updateSettings(page, { softphone: { url: fakeServer.url } });
    const opened = context.waitForEvent('page', (p) => p.url().includes(SOFTPHONE_PAGE));
    await serviceWorker.evaluate(
      (url) =>
        chrome.windows.create({ url, type: 'popup', left: 0, top: 0, width: 360, height: 560 }),
      extensionUrl(SOFTPHONE_PAGE),
    );
    const softphone = new SoftphonePage(await opened, fakeServer.origin);
    await softphone.frame();
    await use(softphone);
  },
});

/** The bounds of the window showing `path` (a call's page: its session id in the URL). */
function boundsOf(worker: Worker, path: string): Promise<Box | null> {
  return worker.evaluate(async (p) => {
    const pages = await chrome.runtime.getContexts({});
    const page = pages.find((context) => context.documentUrl?.includes(p));
    if (!page) return null;
    const { left = 0, top = 0, width = 0, height = 0 } = await chrome.windows.get(page.windowId);
    return { left, top, width, height };
  }, path);
}

const overlap = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

async function callWindowBeside(worker: Worker, sessionId: string): Promise<Box> {
  const [softphone, call] = await Promise.all([
    boundsOf(worker, SOFTPHONE_PAGE),
    boundsOf(worker, `session=${sessionId}`),
  ]);
  expect(softphone).not.toBeNull();
  expect(call).not.toBeNull();
  expect(overlap(softphone!, call!), JSON.stringify({ softphone, call })).toBe(false);
  return call!;
}

const moveWindow = (worker: Worker, sessionId: string, to: Box) =>
  worker.evaluate(
    async ([id, box]) => {
      const call = (await chrome.storage.session.get(`callSession@v1:${id}`))[
        `callSession@v1:${id}`
      ] as { windowId: number };
      await chrome.windows.update(call.windowId, box);
    },
    [sessionId, to] as const,
  );

const remembered = (worker: Worker) =>
  worker.evaluate(
    async () => (await chrome.storage.local.get('callWindowPlace@v1'))['callWindowPlace@v1'],
  );

const calls = (context: BrowserContext) => CallPopPage.windows(context).length;

test('the call window opens beside the softphone window, never on it, where the person last put it', async ({
  softphone,
  context,
  serviceWorker,
}) => {
  await softphone.notifyCall({ sessionId: 'w1', from: PIPEDRIVE_NUMBERS.alice, status: 'Ringing' });
  await CallPopPage.waitFor(context, 'w1');
  const first = await callWindowBeside(serviceWorker, 'w1');
  expect(first.left).toBeGreaterThanOrEqual(360);
  // Only the person's moves are remembered, not where CallPop put a window.
  expect(await remembered(serviceWorker)).toBeUndefined();

  // Moved and sized by the person: the next call's window opens there.
  const put = { left: 390, top: 20, width: 340, height: 480 };
  await moveWindow(serviceWorker, 'w1', put);
  await expect.poll(() => remembered(serviceWorker)).toEqual(put);
  await softphone.notifyCall({ sessionId: 'w1', from: PIPEDRIVE_NUMBERS.alice, status: 'NoCall' });
  await softphone.notifyCall({ sessionId: 'w2', from: PIPEDRIVE_NUMBERS.bob, status: 'Ringing' });
  await CallPopPage.waitFor(context, 'w2');
  expect(await callWindowBeside(serviceWorker, 'w2')).toEqual(put);

  // Put on the softphone: the next one keeps the size, beside the softphone.
  await moveWindow(serviceWorker, 'w2', { ...put, left: 100 });
  await expect.poll(() => remembered(serviceWorker)).toEqual({ ...put, left: 100 });
  await softphone.notifyCall({ sessionId: 'w3', from: PIPEDRIVE_NUMBERS.alice, status: 'Ringing' });
  await CallPopPage.waitFor(context, 'w3');
  const third = await callWindowBeside(serviceWorker, 'w3');
  expect([third.width, third.height]).toEqual([put.width, put.height]);
});

test('five calls that ring and end leave one call window; one holding unsaved typing stays', async ({
  softphone,
  context,
}) => {
  for (const n of [1, 2, 3, 4]) {
    const call = { sessionId: `e${n}`, from: PIPEDRIVE_NUMBERS.alice };
    await softphone.notifyCall({ ...call, status: 'Ringing' });
    await CallPopPage.waitFor(context, call.sessionId);
    await softphone.notifyCall({ ...call, status: 'NoCall' });
    await expect.poll(() => calls(context)).toBe(1);
  }
  // The fourth call's log, half typed: that window stays when the fifth pops.
  const fourth = await CallPopPage.waitFor(context, 'e4');
  await fourth.logCallButton.click();
  await new LogFormPage(fourth.page).note.fill('Call back about the renewal');
  await softphone.notifyCall({ sessionId: 'e5', from: PIPEDRIVE_NUMBERS.bob, status: 'Ringing' });
  await CallPopPage.waitFor(context, 'e5');
  await softphone.notifyCall({ sessionId: 'e5', from: PIPEDRIVE_NUMBERS.bob, status: 'NoCall' });
  expect(calls(context)).toBe(2);
  await expect(new LogFormPage(fourth.page).note).toHaveValue('Call back about the renewal');
});

test('the call window fills in by itself once the CRM answers again, no Refresh needed', async ({
  softphone,
  context,
  crm,
  serviceWorker,
}) => {
  crm.faults.add({ path: /search/, kind: 'status', status: 500, times: -1 });
  await softphone.notifyCall({ sessionId: 'r1', from: PIPEDRIVE_NUMBERS.bob, status: 'Ringing' });
  const pop = await CallPopPage.waitFor(context, 'r1');
  await expect(pop.page.getByRole('alert')).toContainText('Could not look up this number');
  // The worker asks again by an alarm (30 s on); the test makes it due now.
  const alarm = 'callpop.lookupAgain:r1';
  await expect.poll(() => serviceWorker.evaluate((n) => chrome.alarms.get(n), alarm)).toBeTruthy();
  crm.faults.clear();
  await serviceWorker.evaluate((n) => chrome.alarms.create(n, { when: Date.now() }), alarm);
  await expect(pop.cards.first()).toContainText(PIPEDRIVE_PERSONS.bob.name);
  await expect(pop.page.getByRole('alert')).toHaveCount(0);
  expect((await callSession(serviceWorker, 'r1'))?.lookup.state).toBe('done');
});

test('after connecting another CRM, an old call window says it is over and offers no Log call', async ({
  softphone,
  context,
  page,
}) => {
  await softphone.notifyCall({ sessionId: 's1', from: PIPEDRIVE_NUMBERS.alice, status: 'Ringing' });
  const pop = await CallPopPage.waitFor(context, 's1');
  await expect(pop.page.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  await expect(pop.logCallButton).toBeVisible();

  const insightly = await startInsightly();
  try {
    await connectDemoCrm(page, DEMO_CRMS.insightly, insightly.url);
    await expect(pop.page.getByTestId('call-stale')).toBeVisible();
    await expect(pop.page.getByText('Incoming call · ended')).toBeVisible();
    await expect(pop.logCallButton).toHaveCount(0);
    await expect(pop.page.locator('button.primary')).toHaveText('Close window');
    await pop.page.screenshot({ path: '/tmp/window-stale.png' });
  } finally {
    await insightly.close();
  }
});
