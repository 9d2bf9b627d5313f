/**
 * The call window's Log call form at work: the length of a call still going, deals that fail to
 * load, where keyboard focus goes, and what was typed when a Save sends the person to Refresh.
 */
import { INSIGHTLY_CONTACTS, INSIGHTLY_NUMBERS, startInsightly } from './emulators/insightly.ts';
import { PIPEDRIVE_DEALS, PIPEDRIVE_NUMBERS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage, UnclearSavePage } from './pages/log-form';
import { connect, insightlyDraft, ringing, sendCallEvent } from './support/connect';

test('a call logged while it is still going is timed up to the Save, not to when the form opened', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-going', PIPEDRIVE_NUMBERS.bob);
  await sendCallEvent(page, {
    ...ringing('call-going', PIPEDRIVE_NUMBERS.bob),
    status: 'CallConnected',
  });
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await expect(pop.page.getByTestId('call-result')).toHaveText(
    'Logged as answered, its length counted up to your Save or the hang-up.',
  );
  await form.note.fill('Still talking');
  await pop.page.waitForTimeout(3_000);
  await form.save.click();
  await expect(form.form).toBeHidden();
  expect(Number(pd.data.callLogs()[0]?.duration)).toBeGreaterThanOrEqual(3);
});

test('deals that fail to load say so with a Try again that works, and keep what was typed', async ({
  pd,
  pdPage: page,
  context,
}) => {
  pd.faults.add({ method: 'GET', path: '/api/v2/deals', kind: 'status', status: 500 });
  const pop = await CallPopPage.ring(page, context, 'call-deals', PIPEDRIVE_NUMBERS.bob);
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  const problem = form.form.getByRole('alert');
  await expect(problem).toContainText('Deals and other fields could not be loaded');
  await expect(problem).toContainText('then press Try again');
  await expect(problem).not.toContainText('Refresh');
  await form.note.fill('Keep me');
  await form.form.getByRole('button', { name: 'Try again' }).click();
  await expect(form.linkTo).toBeVisible();
  await form.linkTo.selectOption({ label: PIPEDRIVE_DEALS.bobOpen.title });
  await expect(form.note).toHaveValue('Keep me');
  await form.save.click();
  await expect(form.form).toBeHidden();
  expect(pd.data.callLogs()[0]).toMatchObject({ deal_id: PIPEDRIVE_DEALS.bobOpen.id });
});

test('keyboard: Log call puts focus on the contact; a failed Save puts it on Save, an unclear one on Retry', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-focus', PIPEDRIVE_NUMBERS.bob);
  await pop.logCallButton.focus();
  await pop.page.keyboard.press('Enter');
  const form = new LogFormPage(pop.page);
  await expect(form.contact).toBeFocused();
  // Still ringing: the form says what it will log.
  await expect(pop.page.getByTestId('call-result')).toHaveText(
    'Logged as missed: the call has not been answered.',
  );

  pd.faults.add({ method: 'POST', path: '/v1/callLogs', kind: 'status', status: 403 });
  await form.subject.focus();
  await pop.page.keyboard.press('Enter');
  await expect(form.error).toContainText('The call was not logged');
  await expect(form.save).toBeFocused();

  pd.faults.add({ method: 'POST', path: '/v1/callLogs', kind: 'status', status: 500 });
  await pop.page.keyboard.press('Enter'); // saving again, from the keyboard
  const unclear = new UnclearSavePage(pop.page);
  await expect(unclear.retry).toBeFocused();
  await pop.page.keyboard.press('Enter'); // Retry, answered as soon as Pipedrive answers
  await expect(unclear.view).toBeHidden();
  await expect(form.form).toBeHidden();
  expect(pd.data.callLogs()).toHaveLength(1);
});

test('a Save refused for a deleted contact keeps the note through Cancel, Refresh and Log call', async ({
  page,
  context,
  extensionUrl,
}) => {
  const crm = await startInsightly();
  try {
    await connect(page, extensionUrl, insightlyDraft(crm.url));
    // Peter (a contact) and Sam (a lead) share the number; Peter is deleted in Insightly after
    // the pop found him, so the Save on him is refused with a 404.
    const pop = await CallPopPage.ring(page, context, 'call-gone', INSIGHTLY_NUMBERS.peterSam);
    await expect(pop.cards).toHaveCount(2);
    crm.data.deleteContact(INSIGHTLY_CONTACTS.peter.id);
    await pop.logCallButton.click();
    const form = new LogFormPage(pop.page);
    await form.contact.selectOption({ label: 'Peter Novak (Contact)' });
    await form.note.fill('Wants a callback on Tuesday');
    await form.save.click();
    await expect(form.error).toContainText('Look the number up again, choose the contact');
    await expect(form.error).toContainText('Everything you typed is still here.');

    // As the message says: back to the cards, where Refresh is, then Log call again.
    await pop.page.getByRole('button', { name: 'Cancel' }).click();
    // The note kept behind Cancel is unsaved typing: Escape warns before closing over it.
    await pop.page.keyboard.press('Escape');
    await expect(pop.page.getByTestId('toast')).toContainText('not saved yet');
    await pop.refreshButton.click();
    await expect(pop.cards).toHaveCount(1);
    await pop.logCallButton.click();
    await expect(form.note).toHaveValue('Wants a callback on Tuesday');
    // Back on screen but not typed into since: closing the window still asks first.
    const leaving = pop.page.waitForEvent('dialog');
    await pop.page.close({ runBeforeUnload: true });
    const asked = await leaving;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    // Peter is gone: the form does not quietly put his choice on whoever took his place.
    await expect(form.contact.locator('option:checked')).toHaveText(
      'Sam Rivera (Lead, Rivera Catering)',
    );
    await form.save.click();
    await expect(form.form).toBeHidden();
    expect(crm.data.notes()).toHaveLength(1);
    expect(crm.data.notes()[0]).toMatchObject({ LINK_SUBJECT_TYPE: 'Lead' });
    expect(crm.data.notes()[0]?.BODY).toContain('Wants a callback on Tuesday');
  } finally {
    await crm.close();
  }
});
