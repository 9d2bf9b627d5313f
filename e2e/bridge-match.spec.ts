/**
 * The softphone bridge's /contacts/match and call events against the real service worker and
 * the Pipedrive emulator: numbers in any spelling, a CRM that fails and recovers, and a call
 * event that meets a worker being stopped.
 */
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect, serviceWorkerOf } from './fixtures';
import { searches, test } from './softphone-fixtures';
import { callPopPages, callSession, sendRequest, updateSettings } from './support/demo-setup';
import { pipedriveDraft } from './support/connect';
import { stopServiceWorker } from './support/stop-worker';

const names = (contacts: { name: string }[] | undefined) => contacts?.map((c) => c.name).sort();

test('/contacts/match finds numbers in any spelling, answered under the spelling asked', async ({
  softphone,
  crm,
}) => {
  await updateSettings(softphone.page, { defaultCountry: 'US' });
  const numbers = ['4155550101', '(415) 555-0102', '+1 415-555-0120'];
  const answer = await softphone.match(numbers);
  expect(Object.keys(answer.data).sort()).toEqual([...numbers].sort());
  expect(names(answer.data['4155550101'])).toEqual([PIPEDRIVE_PERSONS.alice.name]);
  expect(names(answer.data['(415) 555-0102'])).toEqual([PIPEDRIVE_PERSONS.bob.name]);
  expect(names(answer.data['+1 415-555-0120'])).toEqual(
    [PIPEDRIVE_PERSONS.carol.name, PIPEDRIVE_PERSONS.dan.name].sort(),
  );
  expect(searches(crm)).toBeGreaterThanOrEqual(3);

  // Without a default country, an international number in another spelling still matches.
  await updateSettings(softphone.page, { defaultCountry: '' });
  const spaced = await softphone.match(['+1 415-555-0101']);
  expect(names(spaced.data['+1 415-555-0101'])).toEqual([PIPEDRIVE_PERSONS.alice.name]);
});

test('a failing CRM: answered at once without names, the window says why, and the widget is asked again once it recovers', async ({
  softphone,
  crm,
}) => {
  test.setTimeout(90_000);
  crm.faults.add({ path: /search/, kind: 'status', status: 500, times: -1 });
  const started = Date.now();
  const failed = await softphone.match([PIPEDRIVE_NUMBERS.alice, PIPEDRIVE_NUMBERS.bob]);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(failed.data).toEqual({ [PIPEDRIVE_NUMBERS.alice]: [], [PIPEDRIVE_NUMBERS.bob]: [] });
  expect(searches(crm)).toBeGreaterThanOrEqual(2);
  await expect(softphone.status).toContainText('callers show no names until Pipedrive answers');
  await expect(softphone.status).toContainText('CallPop will ask again');
  expect((await softphone.state()).triggers).toEqual([]);

  // The CRM recovers; CallPop looks the numbers up again (after 30 s) and has the widget ask.
  crm.faults.clear();
  await expect
    .poll(async () => (await softphone.state()).triggers, { timeout: 45_000 })
    .toEqual([[PIPEDRIVE_NUMBERS.alice, PIPEDRIVE_NUMBERS.bob]]);
  await expect(softphone.status).toContainText('Pipedrive answers again');
  // Asked again, as the widget does on that trigger: from the cache, at once.
  const before = crm.log.entries.length;
  const again = await softphone.match([PIPEDRIVE_NUMBERS.alice, PIPEDRIVE_NUMBERS.bob]);
  expect(names(again.data[PIPEDRIVE_NUMBERS.alice])).toEqual([PIPEDRIVE_PERSONS.alice.name]);
  expect(names(again.data[PIPEDRIVE_NUMBERS.bob])).toEqual([PIPEDRIVE_PERSONS.bob.name]);
  expect(crm.log.entries.length).toBe(before);
});

test('a dropped CRM connection is answered at once, and the window says why', async ({
  softphone,
  crm,
}) => {
  crm.faults.add({ path: /search/, kind: 'drop', times: -1 });
  const started = Date.now();
  const failed = await softphone.match([PIPEDRIVE_NUMBERS.alice]);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(failed.data).toEqual({ [PIPEDRIVE_NUMBERS.alice]: [] });
  await expect(softphone.status).toContainText('CallPop will ask again');
});

test('a call event that meets a worker being stopped is sent again and pops', async ({
  softphone,
  context,
  crm,
}) => {
  // "Do nothing" for several matches: the worker answers the event only after the CRM has, so
  // the event is still waiting on its answer when the worker is stopped.
  await updateSettings(softphone.page, { callPop: { multiple: 'nothing' } });
  crm.setLatency(2_000);
  const popped = context.waitForEvent('page', (p) =>
    p.url().includes('src/entrypoints/callpop/index.html'),
  );
  const sessionId = await softphone.startCall('Inbound', PIPEDRIVE_NUMBERS.alice);
  await expect.poll(() => searches(crm)).toBeGreaterThanOrEqual(1);
  await stopServiceWorker(context, softphone.page);

  const window = await popped;
  expect(window.url()).toContain(encodeURIComponent(sessionId));
  await expect(window.getByText(PIPEDRIVE_PERSONS.alice.name).first()).toBeVisible();
  const worker = await serviceWorkerOf(context);
  await expect.poll(async () => (await callSession(worker, sessionId))?.pop.state).toBe('done');
  expect(callPopPages(context)).toHaveLength(1);
  await expect(softphone.status).not.toContainText('Call pop failed');
});

test('a match that meets a worker being stopped is looked up again and answered with names', async ({
  softphone,
  context,
  crm,
}) => {
  // Slow enough that the lookup is still waiting on the CRM when the worker is stopped.
  crm.setLatency(1_500);
  const pending = softphone.match([PIPEDRIVE_NUMBERS.alice]);
  await expect.poll(() => searches(crm)).toBeGreaterThanOrEqual(1);
  await stopServiceWorker(context, softphone.page);
  const answer = await pending;
  expect(names(answer.data[PIPEDRIVE_NUMBERS.alice])).toEqual([PIPEDRIVE_PERSONS.alice.name]);
  await expect(softphone.status).not.toContainText('could not be looked up');
});

test('after Disconnect the widget is asked to match the numbers it named again', async ({
  softphone,
  crm,
}) => {
  const answer = await softphone.match([PIPEDRIVE_NUMBERS.alice, PIPEDRIVE_NUMBERS.unknown]);
  expect(names(answer.data[PIPEDRIVE_NUMBERS.alice])).toEqual([PIPEDRIVE_PERSONS.alice.name]);
  // A new token for the same account changes no name: nothing to match again.
  await sendRequest(softphone.page, 'connection.save', pipedriveDraft(crm.url));
  await expect(softphone.status).toHaveText(/Matching callers in Pipedrive/);
  await softphone.page.waitForTimeout(500);
  expect((await softphone.state()).triggers).toEqual([]);

  await sendRequest(softphone.page, 'connection.disconnect', undefined);
  // Only the number it has a name for: its name must not stay on screen for a day.
  await expect
    .poll(async () => (await softphone.state()).triggers)
    .toEqual([[PIPEDRIVE_NUMBERS.alice]]);
  // The widget matches it again, as Embeddable does: no name now, and no error either (the
  // window already says to connect a CRM).
  const again = await softphone.match([PIPEDRIVE_NUMBERS.alice]);
  expect(again.data).toEqual({ [PIPEDRIVE_NUMBERS.alice]: [] });
  await expect(softphone.status).toHaveText(
    'Connect a CRM in CallPop options to see caller names here.',
  );
});
