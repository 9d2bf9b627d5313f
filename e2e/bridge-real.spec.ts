/**
 * What the real widget sends, through the fake that sends exactly that: the ring notice pops
 * the call by itself, presence of the same telephony session never pops it again, every end
 * signal ends it, a flood of calls and forced matches stay bounded, and the carrier's caller
 * name and the account's country help when the CRM and Options have nothing.
 */
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect, serviceWorkerOf } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { test } from './softphone-fixtures';
import { callPopPages, callSession, updateSettings } from './support/demo-setup';

test('the ring notice alone pops the right caller; its presence notices never pop it again', async ({
  softphone,
  context,
}) => {
  const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.alice, {
    presence: false,
  });
  expect(sessionId).toMatch(/^s-/);
  const window = await CallPopPage.waitFor(context, sessionId);
  await expect(window.page.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();

  // Presence catches up with the same telephony session: Ringing, then answered.
  await softphone.setStatus('Ringing');
  await softphone.setStatus('CallConnected');
  const worker = await serviceWorkerOf(context);
  await expect
    .poll(async () => (await callSession(worker, sessionId))?.status)
    .toBe('CallConnected');
  expect(callPopPages(context)).toHaveLength(1);
});

for (const by of ['webphone', 'telephony'] as const) {
  test(`a call ended only by the ${by === 'webphone' ? 'end notice' : 'telephony session'} is ended`, async ({
    softphone,
    context,
  }) => {
    const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.bob);
    await CallPopPage.waitFor(context, sessionId);
    await softphone.setStatus('CallConnected');
    await expect(softphone.showCall).toBeVisible();
    await softphone.endCall(by);
    const worker = await serviceWorkerOf(context);
    await expect.poll(async () => (await callSession(worker, sessionId))?.status).toBe('NoCall');
    expect((await callSession(worker, sessionId))?.endedAt).toBeDefined();
    await expect(softphone.showCall).toBeHidden();
  });
}

test('25 new calls in a burst pop at most 5 windows; the others are listed and the window says why', async ({
  softphone,
  context,
}) => {
  const ids: string[] = [];
  for (let i = 0; i < 25; i += 1) {
    ids.push(await softphone.startCall('Inbound', `+1212555${String(2000 + i)}`));
  }
  await expect(softphone.status).toHaveText(
    'More than 5 new calls in a minute: CallPop did not pop the others, listed below.',
  );
  await expect(softphone.page.locator('#held li')).toHaveCount(20);
  const worker = await serviceWorkerOf(context);
  await expect
    .poll(async () => {
      const records = await Promise.all(ids.map((id) => callSession(worker, id)));
      return records.filter((r) => r?.pop.state === 'done').length;
    })
    .toBe(5);
  expect(callPopPages(context).length).toBe(5);
  // The held calls were never recorded, so never looked up by the worker.
  for (const id of ids.slice(5)) expect(await callSession(worker, id)).toBeUndefined();
});

// The first match's lookups run paced to Pipedrive's rate; forced rounds of the same 1,000
// numbers start none of their own, so each number is searched at most once, however far the
// paced lookups have got.
test('forced matches of 1,000 numbers ask the CRM nothing more, and the window says why', async ({
  softphone,
  crm,
}) => {
  test.setTimeout(120_000);
  const numbers = Array.from({ length: 1_000 }, (_, i) => `+1212555${String(3000 + i)}`);
  await softphone.match(numbers);
  for (let round = 0; round < 3; round += 1) await softphone.match(numbers, 'manual');
  await expect(softphone.status).toHaveText(
    'Answered a refresh of 1000 numbers from the cache: CallPop asks the CRM again for one number at a time, once a minute.',
  );
  const searched = crm.log.find({ path: /search/ }).map((entry) => entry.query.term);
  expect(searched.length).toBeGreaterThan(0);
  expect(new Set(searched).size).toBe(searched.length);

  // One number by hand: the CRM is asked once, not again within the minute.
  const digits = (text: string | undefined) => (text ?? '').replace(/\D/g, '');
  const forAlice = () =>
    crm.log
      .find({ path: /search/ })
      .filter(
        (e) =>
          digits(e.query.term) && digits(PIPEDRIVE_NUMBERS.alice).endsWith(digits(e.query.term)),
      );
  await softphone.match([PIPEDRIVE_NUMBERS.alice], 'manual');
  await expect.poll(() => forAlice().length).toBe(1);
  await softphone.match([PIPEDRIVE_NUMBERS.alice], 'manual');
  await expect(softphone.status).toContainText(`refresh of ${PIPEDRIVE_NUMBERS.alice} again`);
});

test('a no-match call shows the caller ID and prefills the new contact with it', async ({
  softphone,
  context,
}) => {
  const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.unknown, {
    callerName: 'WIRELESS CALLER',
  });
  const window = await CallPopPage.waitFor(context, sessionId);
  await expect(window.page.getByText('Caller ID: WIRELESS CALLER')).toBeVisible();
  const name = window.page.getByLabel('New contact name');
  await expect(name).toHaveValue('WIRELESS CALLER');
  await name.fill('Wanda Wireless');
  await expect(name).toHaveValue('Wanda Wireless');
});

test("without a default country, the softphone account's country reads national numbers", async ({
  softphone,
  context,
  extensionUrl,
}) => {
  // The fake signs in as the real widget does, with contractedCountryCode US.
  const worker = await serviceWorkerOf(context);
  await expect
    .poll(async () => {
      const stored = (await worker.evaluate(() => chrome.storage.local.get('settings@v1')))[
        'settings@v1'
      ] as { softphone?: { accountCountry?: string } } | undefined;
      return stored?.softphone?.accountCountry;
    })
    .toBe('US');
  await softphone.notifyCall({ sessionId: 's-national', status: 'Ringing', from: '4155550101' });
  const window = await CallPopPage.waitFor(context, 's-national');
  await expect(window.page.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  // And the options page says so.
  const options = await context.newPage();
  await options.goto(extensionUrl('src/entrypoints/options/index.html'));
  await expect(options.getByTestId('account-country')).toHaveText(
    "No default country is set: numbers without a country code use your RingCentral account's country, US.",
  );
});

test("the RingCentral app's client id and server from Options go in the widget URL, which is then no demo", async ({
  softphone,
}) => {
  const frame = softphone.page.locator('#frame-host iframe');
  await expect((await softphone.frame()).locator('#demo-banner')).toBeVisible();
  await updateSettings(softphone.page, {
    softphone: { clientId: 'my-app-id', appServer: 'https://platform.devtest.ringcentral.com' },
  });
  await expect(frame).toHaveAttribute(
    'src',
    /\?clientId=my-app-id&appServer=https%3A%2F%2Fplatform\.devtest\.ringcentral\.com$/,
  );
  await expect((await softphone.frame()).locator('#demo-banner')).toBeHidden();
});
