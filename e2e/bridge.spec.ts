/**
 * The softphone bridge end to end: CallPop's softphone window framing the fake Embeddable page,
 * the real service worker, and the Pipedrive emulator.
 */
import type { Page } from '@playwright/test';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect, serviceWorkerOf } from './fixtures';
import { searches, test } from './softphone-fixtures';
import { startSoftphoneServer } from './softphone/server';
import { callPopPages, callSession, updateSettings } from './support/demo-setup';
import { seriousViolations } from './support/axe';
import { stopServiceWorker } from './support/stop-worker';

test('registers CallPop with the widget: CRM names and our cache TTLs', async ({ softphone }) => {
  await expect.poll(async () => (await softphone.state()).registrations.length).toBe(1);
  const [registration] = (await softphone.state()).registrations;
  expect(registration).toEqual({
    type: 'rc-adapter-register-third-party-service',
    service: {
      name: 'pipedrive',
      displayName: expect.any(String) as unknown,
      contactMatchPath: '/contacts/match',
      viewMatchedContactPath: '/contacts/view',
      contactMatchTtl: 24 * 60 * 60_000,
      contactNoMatchTtl: 5 * 60_000,
    },
  });
  await expect(softphone.status).toContainText('Matching callers');
  expect(await seriousViolations(softphone.page)).toEqual([]);
});

test('/contacts/match answers 1 and 25 numbers in one batch, then from the cache', async ({
  softphone,
  crm,
}) => {
  const one = await softphone.match([PIPEDRIVE_NUMBERS.alice]);
  expect(one.data[PIPEDRIVE_NUMBERS.alice]?.map((c) => c.name)).toEqual([
    PIPEDRIVE_PERSONS.alice.name,
  ]);

  const numbers = [
    ...Object.values(PIPEDRIVE_NUMBERS),
    ...Array.from({ length: 15 }, (_, i) => `+1212555${String(1000 + i)}`),
  ];
  expect(numbers).toHaveLength(25);
  const many = await softphone.match(numbers);
  expect(Object.keys(many.data).sort()).toEqual([...numbers].sort());
  expect(many.data[PIPEDRIVE_NUMBERS.bob]?.map((c) => c.name)).toEqual([
    PIPEDRIVE_PERSONS.bob.name,
  ]);
  expect(many.data[PIPEDRIVE_NUMBERS.unknown]).toEqual([]);
  for (const contacts of Object.values(many.data)) {
    for (const contact of contacts) expect(contact).toMatchObject({ type: 'pipedrive' });
  }

  const before = searches(crm);
  await softphone.match(numbers);
  expect(searches(crm) - before).toBeLessThan(numbers.length);
});

test('a CRM slower than the widget waits for: no names by 20 s, then the widget is asked again', async ({
  softphone,
  crm,
}) => {
  // Two requests (search, then persons) of 11 s each: under the 15 s request timeout, over the
  // 20 s the bridge gives an answer.
  crm.setLatency(11_000);
  const started = Date.now();
  const late = await softphone.match([PIPEDRIVE_NUMBERS.alice]);
  expect(late.data).toEqual({});
  expect(Date.now() - started).toBeLessThan(25_000); // well inside the widget's 30 s
  await expect(softphone.status).toContainText('slow to answer');

  await expect
    .poll(async () => (await softphone.state()).triggers, { timeout: 15_000 })
    .toEqual([[PIPEDRIVE_NUMBERS.alice]]);
  // Asked again, as the widget does on that trigger: from the cache, at once.
  crm.setLatency(0);
  const before = crm.log.entries.length;
  const again = await softphone.match([PIPEDRIVE_NUMBERS.alice]);
  expect(again.data[PIPEDRIVE_NUMBERS.alice]?.map((c) => c.name)).toEqual([
    PIPEDRIVE_PERSONS.alice.name,
  ]);
  expect(crm.log.entries.length).toBe(before);
});

test('messages from another origin or another window are ignored', async ({ softphone, crm }) => {
  const rogue = await startSoftphoneServer();
  try {
    const page = softphone.page;
    // Same envelope from (a) a frame at another origin and (b) another window of the same origin.
    for (const src of [rogue.url, `${softphone.softphoneOrigin}/index.html`]) {
      await page.evaluate((url) => {
        const frame = document.createElement('iframe');
        frame.src = url;
        frame.className = 'rogue';
        document.body.append(frame);
      }, src);
    }
    const real = await softphone.frame();
    const rogues = page.frames().filter((f) => f !== page.mainFrame() && f !== real);
    expect(rogues).toHaveLength(2);
    for (const frame of rogues) {
      await frame.waitForFunction(() => 'fakeSoftphone' in window);
      await frame.evaluate((number) => {
        void (
          window as unknown as { fakeSoftphone: { match: (n: string[]) => Promise<unknown> } }
        ).fakeSoftphone.match([number]);
      }, PIPEDRIVE_NUMBERS.de);
    }
    // Each rogue frame also pushed its adapter state on load: 2 + 2 refused messages.
    await expect
      .poll(async () => Number(await page.locator('html').getAttribute('data-ignored-messages')))
      .toBeGreaterThanOrEqual(4);
    // The real softphone is still answered, and nothing was looked up for the rogue number.
    const ok = await softphone.match([PIPEDRIVE_NUMBERS.alice]);
    expect(ok.data[PIPEDRIVE_NUMBERS.alice]).toHaveLength(1);
    for (const frame of rogues) {
      const state = await frame.evaluate(
        () =>
          (
            window as unknown as {
              fakeSoftphone: { state: { responses: unknown[]; registrations: unknown[] } };
            }
          ).fakeSoftphone.state,
      );
      expect(state).toMatchObject({ responses: [], registrations: [] });
    }
    expect(JSON.stringify(crm.log.entries)).not.toContain('12345678');
  } finally {
    await rogue.close();
  }
});

async function nextCallPop(page: Page): Promise<Page> {
  return page
    .context()
    .waitForEvent('page', (p) => p.url().includes('src/entrypoints/callpop/index.html'));
}

test('an inbound ring pops one call window with the match, however often the event repeats', async ({
  softphone,
  context,
}) => {
  const popped = nextCallPop(softphone.page);
  const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.alice);
  const window = await popped;
  expect(window.url()).toContain(encodeURIComponent(sessionId));
  await expect(window.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  // The widget's own match request names the caller too (the fake shows it under the call).
  const frame = await softphone.frame();
  await expect(frame.getByTestId('caller-name')).toHaveText(PIPEDRIVE_PERSONS.alice.name);
  // The softphone window at the size it opens with (src/entrypoints/softphone/open-window.ts).
  await softphone.page.setViewportSize({ width: 400, height: 680 });
  await softphone.page.screenshot({ path: 'docs/screenshots/softphone.png' });
  await softphone.setStatus('Ringing');
  await softphone.setStatus('CallConnected');
  await expect
    .poll(async () => (await callSession(await serviceWorkerOf(context), sessionId))?.status)
    .toBe('CallConnected');
  expect(callPopPages(context)).toHaveLength(1);
});

test('a call window the person closed comes back from the softphone window, and only on asking', async ({
  softphone,
  context,
}) => {
  const showCall = softphone.page.getByRole('button', { name: 'Show call window' });
  await expect(showCall).toBeHidden();
  const popped = nextCallPop(softphone.page);
  const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.alice);
  const first = await popped;
  await expect(first.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  await first.close();
  // The call goes on; its events do not bring the window back.
  await softphone.setStatus('CallConnected');
  await expect
    .poll(async () => (await callSession(await serviceWorkerOf(context), sessionId))?.status)
    .toBe('CallConnected');
  expect(callPopPages(context)).toHaveLength(0);

  const reopened = nextCallPop(softphone.page);
  await showCall.click();
  const again = await reopened;
  expect(again.url()).toContain(encodeURIComponent(sessionId));
  await expect(again.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  await showCall.click(); // already open: brought forward, not opened twice
  await softphone.page.waitForTimeout(300);
  expect(callPopPages(context)).toHaveLength(1);

  await softphone.setStatus('NoCall');
  await expect(showCall).toBeHidden();
});

test('"Show call window" stays for a call still going when a later call ends, and shows it', async ({
  softphone,
  context,
}) => {
  const a = { sessionId: 'call-a', from: PIPEDRIVE_NUMBERS.alice };
  const b = { sessionId: 'call-b', from: PIPEDRIVE_NUMBERS.bob };
  const poppedA = nextCallPop(softphone.page);
  await softphone.notifyCall({ ...a, status: 'Ringing' });
  await (await poppedA).close();
  await softphone.notifyCall({ ...a, status: 'CallConnected' });
  const poppedB = nextCallPop(softphone.page);
  await softphone.notifyCall({ ...b, status: 'Ringing' });
  await (await poppedB).close();
  await softphone.notifyCall({ ...b, status: 'NoCall' });
  const worker = await serviceWorkerOf(context);
  await expect.poll(async () => (await callSession(worker, b.sessionId))?.status).toBe('NoCall');

  // A is still connected: its window can still be brought back.
  await expect(softphone.showCall).toBeVisible();
  const reopened = nextCallPop(softphone.page);
  await softphone.showCall.click();
  const again = await reopened;
  expect(again.url()).toContain(encodeURIComponent(a.sessionId));
  await expect(again.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();

  await softphone.notifyCall({ ...a, status: 'NoCall' });
  await expect(softphone.showCall).toBeHidden();
});

test('a call CallPop refuses gets its reason and no "Show call window"', async ({
  softphone,
  context,
}) => {
  // An internal extension while extension lookup is off: the worker refuses it.
  await softphone.notifyCall({ sessionId: 'internal', status: 'Ringing', from: '101' });
  await expect(softphone.status).toContainText('an internal call (extension 101)');
  await softphone.notifyCall({ sessionId: 'internal', status: 'CallConnected', from: '101' });
  await softphone.page.waitForTimeout(300);
  await expect(softphone.showCall).toBeHidden();
  expect(callPopPages(context)).toHaveLength(0);
});

test('after a problem, the next thing that works brings the normal status line back', async ({
  softphone,
  context,
}) => {
  await expect(softphone.status).toHaveText(/^Matching callers in /);
  const normal = (await softphone.status.textContent()) ?? '';

  // A withheld caller, then Alice, who pops.
  await softphone.startCall('Inbound', 'anonymous');
  await expect(softphone.status).toHaveText('No call pop: the caller withheld their number.');
  const popped = nextCallPop(softphone.page);
  await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.alice);
  await expect((await popped).getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  await expect(softphone.status).toHaveText(normal);

  // A contact page that cannot be opened, then one that can.
  const view = (id: number) => ({ id, phoneNumbers: [{ phoneNumber: PIPEDRIVE_NUMBERS.alice }] });
  await softphone.widgetRequest('/contacts/view', view(999_999));
  await expect(softphone.status).toHaveText('That contact is no longer in the CRM.');
  const crmPage = context.waitForEvent('page', (p) => p.url().includes('/person/'));
  await softphone.widgetRequest('/contacts/view', view(PIPEDRIVE_PERSONS.alice.id));
  await crmPage;
  await expect(softphone.status).toHaveText(normal);

  // A match request refused (too many numbers), then one answered.
  const tooMany = Array.from({ length: 1_001 }, (_, i) => `+1212555${String(1000 + i)}`);
  expect(await softphone.match(tooMany)).toEqual({ data: {} });
  await expect(softphone.status).not.toHaveText(normal);
  await softphone.match([PIPEDRIVE_NUMBERS.alice]);
  await expect(softphone.status).toHaveText(normal);
});

test('a caller name too long to show is cut, and the call still pops', async ({
  softphone,
  context,
}) => {
  const popped = nextCallPop(softphone.page);
  await softphone.notifyCall({
    sessionId: 'long-name',
    status: 'Ringing',
    from: PIPEDRIVE_NUMBERS.bob,
    fromName: 'N'.repeat(300),
  });
  await expect((await popped).getByText(PIPEDRIVE_PERSONS.bob.name).first()).toBeVisible();
  const worker = await serviceWorkerOf(context);
  expect((await callSession(worker, 'long-name'))?.callerName).toBe('N'.repeat(256));
  await expect(softphone.status).not.toContainText('too long');
});

test('a softphone URL changed to a refused one while the window is open shows why, and it stays', async ({
  softphone,
}) => {
  await expect(softphone.status).toContainText('Matching callers');
  await updateSettings(softphone.page, { softphone: { url: 'http://example.com/app.html' } });
  await expect(softphone.page.locator('#frame-host iframe')).toHaveCount(0);
  await expect(softphone.status).toContainText('must start with https://');
  // Nothing registers over it afterwards (the settings change re-registered a widget once gone).
  await softphone.page.waitForTimeout(500);
  await expect(softphone.status).toContainText('must start with https://');
  await expect(softphone.status).toHaveAttribute('data-kind', 'error');
});

test('with "on answer" the window pops only when the call is connected', async ({
  softphone,
  context,
}) => {
  await updateSettings(softphone.page, { callPop: { inbound: 'answer' } });
  const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.bob);
  const worker = await serviceWorkerOf(context);
  await expect.poll(async () => (await callSession(worker, sessionId))?.lookup.state).toBe('done');
  expect(callPopPages(context)).toHaveLength(0);
  const popped = nextCallPop(softphone.page);
  await softphone.setStatus('CallConnected');
  await expect((await popped).getByText(PIPEDRIVE_PERSONS.bob.name).first()).toBeVisible();
});

for (const multiple of ['choose', 'openAll', 'nothing'] as const) {
  test(`several matches with "${multiple}"`, async ({ softphone, context, crm }) => {
    await updateSettings(softphone.page, { callPop: { multiple } });
    const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.shared);
    const worker = await serviceWorkerOf(context);
    await expect.poll(async () => (await callSession(worker, sessionId))?.pop.state).toBe('done');
    const pop = (await callSession(worker, sessionId))?.pop;
    if (multiple === 'choose') {
      expect(pop).toMatchObject({ opened: 'window' });
      // The window's page reaches Playwright a moment after the worker records the pop.
      await expect.poll(() => callPopPages(context).length).toBe(1);
      const [window] = callPopPages(context);
      await expect(window!.getByText(PIPEDRIVE_PERSONS.carol.name).first()).toBeVisible();
      await expect(window!.getByText(PIPEDRIVE_PERSONS.dan.name).first()).toBeVisible();
    } else if (multiple === 'openAll') {
      expect(pop).toMatchObject({ opened: 'tabs' });
      await expect
        .poll(() => context.pages().filter((p) => p.url().startsWith(crm.url)).length)
        .toBe(2);
    } else {
      expect(pop).toMatchObject({ opened: 'nothing' });
      expect(callPopPages(context)).toHaveLength(0);
    }
  });
}

test('no match pops the window on the create path', async ({ softphone }) => {
  const popped = nextCallPop(softphone.page);
  await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.unknown);
  const window = await popped;
  await expect(window.getByText(/create/i).first()).toBeVisible();
});

test('a service worker stopped between ring and answer still pops once, with the right contact', async ({
  softphone,
  context,
}) => {
  await updateSettings(softphone.page, { callPop: { inbound: 'answer' } });
  const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.uk);
  let worker = await serviceWorkerOf(context);
  await expect.poll(async () => (await callSession(worker, sessionId))?.lookup.state).toBe('done');

  await stopServiceWorker(context, softphone.page);

  const popped = nextCallPop(softphone.page);
  await softphone.setStatus('CallConnected'); // wakes the worker through runtime messaging
  await expect((await popped).getByText(PIPEDRIVE_PERSONS.harriet.name).first()).toBeVisible();
  await softphone.setStatus('CallConnected');
  worker = await serviceWorkerOf(context);
  await expect.poll(async () => (await callSession(worker, sessionId))?.pop.state).toBe('done');
  expect(callPopPages(context)).toHaveLength(1);
});
