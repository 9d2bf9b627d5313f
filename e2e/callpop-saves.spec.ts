/**
 * Saves from the call-pop window that outlive it: the worker keeps the outcome in the call, so
 * a window opened again (Show call window) shows what was saved instead of offering it again.
 */
import { startInsightly } from './emulators/insightly.ts';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage } from './pages/log-form';
import { connect, insightlyDraft } from './support/connect';
import { sendRequest, updateSettings } from './support/demo-setup';

test('a window closed while its Save runs comes back showing what was saved, not the form again', async ({
  pd,
  pdPage: page,
  context,
}) => {
  // Create: closed 300 ms into a 2 s create.
  let pop = await CallPopPage.ring(page, context, 'call-closed-create', PIPEDRIVE_NUMBERS.unknown);
  await pop.page.getByLabel('New contact name').fill('Closed Midway');
  pd.faults.add({ method: 'POST', path: '/api/v2/persons', kind: 'delay', delayMs: 2_000 });
  await pop.page.getByRole('button', { name: 'Save contact' }).click();
  await pop.page.waitForTimeout(300);
  await pop.page.close();
  await expect
    .poll(() => pd.data.persons().filter((p) => p.name === 'Closed Midway').length)
    .toBe(1);
  await sendRequest(page, 'call.show', { sessionId: 'call-closed-create' });
  pop = await CallPopPage.waitFor(context, 'call-closed-create');
  await expect(pop.cards.first()).toContainText('Closed Midway');
  await expect(pop.page.getByLabel('New contact name')).toHaveCount(0);

  // Log: closed 300 ms into a 2 s log.
  pop = await CallPopPage.ring(page, context, 'call-closed-log', PIPEDRIVE_NUMBERS.bob);
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await form.note.fill('Closed while saving');
  pd.faults.add({ method: 'POST', path: '/v1/callLogs', kind: 'delay', delayMs: 2_000 });
  await form.save.click();
  await pop.page.waitForTimeout(300);
  await pop.page.close();
  await expect.poll(() => pd.data.callLogs().length).toBe(1);
  await sendRequest(page, 'call.show', { sessionId: 'call-closed-log' });
  pop = await CallPopPage.waitFor(context, 'call-closed-log');
  await expect(pop.page.getByTestId('call-logged')).toContainText(
    `Call logged against ${PIPEDRIVE_PERSONS.bob.name} at`,
  );
});

test("a call logged from its window records both ends: the caller's number and ours", async ({
  pd,
  pdPage: page,
  context,
}) => {
  // ringing() rings Bob's number through to our own line, +1 415 555 0000.
  const pop = await CallPopPage.ring(page, context, 'call-both-ends', PIPEDRIVE_NUMBERS.bob);
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await form.save.click();
  await expect.poll(() => pd.data.callLogs().length).toBe(1);
  expect(pd.data.callLogs()[0]).toMatchObject({
    person_id: PIPEDRIVE_PERSONS.bob.id,
    from_phone_number: PIPEDRIVE_NUMBERS.bob,
    to_phone_number: '+14155550000',
  });
});

test('a call window left open while the person switches CRM does not log against the old contact', async ({
  pd,
  pdPage: page,
  context,
  extensionUrl,
}) => {
  const insightly = await startInsightly();
  try {
    const pop = await CallPopPage.ring(page, context, 'call-switch', PIPEDRIVE_NUMBERS.bob);
    await expect(pop.cards.first()).toContainText(PIPEDRIVE_PERSONS.bob.name);
    await connect(page, extensionUrl, insightlyDraft(insightly.url));

    await pop.logCallButton.click();
    const form = new LogFormPage(pop.page);
    await form.note.fill('Typed after the switch');
    await form.save.click();
    await expect(form.error).toContainText(
      'This contact was found in the CRM connected before, not in Insightly. Refresh to look the number up again, then log the call.',
    );
    await expect(form.note).toHaveValue('Typed after the switch');
    expect(insightly.log.count({ method: 'POST' })).toBe(0);
    expect(pd.data.callLogs()).toHaveLength(0);
  } finally {
    await insightly.close();
  }
});

test('a Save retried at once after a timeout finds the log the CRM stored late: one log', async ({
  pd,
  pdPage: page,
  context,
}) => {
  test.setTimeout(60_000);
  await updateSettings(page, { requestTimeoutSeconds: 3 });
  const pop = await CallPopPage.ring(page, context, 'call-late-log', PIPEDRIVE_NUMBERS.bob);
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await form.note.fill('Stored late');
  // Pipedrive stores the log 8 s in, after CallPop gave up at 3 s.
  pd.faults.add({ method: 'POST', path: '/v1/callLogs', kind: 'delay', delayMs: 8_000 });
  await form.save.click();
  await expect(form.error).toContainText('may or may not have been saved', { timeout: 10_000 });
  expect(pd.data.callLogs()).toHaveLength(0);

  // Saved again at once, before the late log lands: it is found, not written a second time,
  // and the form says what it is waiting for.
  await form.save.click();
  await expect(pop.page.getByTestId('save-checking')).toHaveText(
    'Checking whether the earlier attempt was saved, so it is not saved twice…',
  );
  await expect(form.form).toBeHidden({ timeout: 20_000 });
  expect(pd.data.callLogs()).toEqual([expect.objectContaining({ note: 'Stored late' })]);
  expect(pd.log.count({ method: 'POST', path: '/v1/callLogs' })).toBe(1);
});
