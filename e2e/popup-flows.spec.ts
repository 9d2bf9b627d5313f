/**
 * Popup flows against the Pipedrive emulator: logging a call to a looked-up contact, what a
 * number that is not a phone number gets (a message at the field, no CRM request), and how an
 * open form's content survives a new lookup and the popup closing.
 */
import type { Page } from '@playwright/test';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { LogFormPage, UnclearSavePage } from './pages/log-form';
import type { PopupPage } from './pages/popup-page';
import { updateSettings } from './support/demo-setup';

const CALL_LOGS = { method: 'POST', path: '/v1/callLogs' };

test('logs a call from the popup: one call-log request for the picked person, and a confirmation', async ({
  pd,
  popup,
  page,
}) => {
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.card('Bob Smith')).toBeVisible();

  await page.getByRole('button', { name: 'Log call' }).click();
  const form = new LogFormPage(page);
  await form.contact.selectOption({ label: 'Bob Smith (Acme Robotics)' });
  await expect(form.subject).toHaveValue('Inbound call from Bob Smith');
  await form.note.fill('Wants a quote for 20 arms.');
  await form.save.dblclick();

  await expect(page.getByTestId('call-logged')).toBeVisible();
  await expect(form.form).toBeHidden();
  await popup.done.click();
  await expect(popup.card('Bob Smith')).toBeVisible();
  const logs = pd.log.find(CALL_LOGS);
  expect(logs).toHaveLength(1);
  expect(logs[0]!.status).toBeGreaterThanOrEqual(200);
  expect(logs[0]!.status).toBeLessThan(300);
  expect(logs[0]!.body).toMatchObject({
    person_id: PIPEDRIVE_PERSONS.bob.id,
    subject: 'Inbound call from Bob Smith',
    note: 'Wants a quote for 20 arms.',
  });
  expect(pd.data.callLogs()).toHaveLength(1);
});

test('a Save that timed out after Pipedrive logged it stays as sent, and Retry adopts that log: one log', async ({
  pd,
  popup,
  page,
}) => {
  test.setTimeout(60_000);
  await updateSettings(page, { requestTimeoutSeconds: 3 });
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await page.getByRole('button', { name: 'Log call' }).click();
  const form = new LogFormPage(page);
  await form.contact.selectOption({ label: 'Bob Smith (Acme Robotics)' });
  await form.note.fill('Wants a quote.');
  // Pipedrive stores the log but answers after CallPop has given up.
  pd.faults.add({ method: 'POST', path: '/v1/callLogs', kind: 'delay', delayMs: 4_000 });
  await form.save.click();
  const unclear = new UnclearSavePage(page);
  await expect(unclear.message).toContainText('may or may not have been saved');
  await expect(unclear.sent).toContainText('Wants a quote.');
  await expect(form.form).toBeHidden();
  await expect.poll(() => pd.data.callLogs().length).toBe(1);

  await unclear.retry.click();
  await expect(page.getByTestId('call-logged')).toBeVisible();
  expect(pd.data.callLogs()).toEqual([
    expect.objectContaining({ person_id: PIPEDRIVE_PERSONS.bob.id, note: 'Wants a quote.' }),
  ]);
  expect(pd.log.count({ method: 'POST', path: '/v1/callLogs' })).toBe(1);
});

test('a call logged by hand says how it went and how long it lasted, and a bad length is explained first', async ({
  pd,
  popup,
  page,
}) => {
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await page.getByRole('button', { name: 'Log call' }).click();
  const form = new LogFormPage(page);
  await form.contact.selectOption({ label: 'Bob Smith (Acme Robotics)' });
  const length = page.getByLabel('Length (minutes)');
  // Nobody talked on a missed call: there is no length to give.
  await page.getByLabel('Result').selectOption({ label: 'Missed (no answer)' });
  await expect(length).toBeDisabled();
  await page.getByLabel('Result').selectOption({ label: 'Left a voicemail' });
  await length.fill('two');
  await form.save.click();
  await expect(page.getByRole('alert')).toContainText("Enter the call's length in minutes");
  expect(pd.log.count(CALL_LOGS)).toBe(0);

  await length.fill('2.5');
  await form.save.click();
  await expect(page.getByTestId('call-logged')).toBeVisible();
  expect(pd.data.callLogs()).toEqual([
    expect.objectContaining({ outcome: 'left_voicemail', duration: '150' }),
  ]);
});

test('the popup opens ready to type a number: typing and Enter look it up', async ({
  popup,
  page,
}) => {
  await expect(popup.number).toBeFocused();
  await page.keyboard.type(PIPEDRIVE_NUMBERS.bob);
  await page.keyboard.press('Enter');
  await expect(popup.card(PIPEDRIVE_PERSONS.bob.name)).toBeVisible();
});

test('input that is neither a number nor a name, or too few digits, is explained at the field and never reaches the CRM', async ({
  pd,
  popup,
}) => {
  await expect(popup.connection).toContainText('Connected to Pipedrive');
  pd.log.clear();

  const cases = [
    { typed: '#*#', says: 'That does not look like a phone number.' },
    { typed: 'x', says: 'Type at least 2 letters of a name.' },
    { typed: '+1 415 55', says: 'That phone number is too short.' },
    // A letter O for a zero: the number's mistake is named; no name search goes to the CRM.
    { typed: '415-555-O100', says: '415-555-O100 has a letter in it (O) where a digit should be.' },
    {
      typed: '415-555-OI00',
      says: '415-555-OI00 has letters in it (O, I) where digits should be.',
    },
  ];
  for (const { typed, says } of cases) {
    await popup.lookUp(typed);
    await expect(popup.numberError).toContainText(says);
    // The message is tied to the field, so a screen reader reads it with the field.
    await expect(popup.number).toHaveAttribute('aria-invalid', 'true');
    await expect(popup.number).toHaveAccessibleDescription(new RegExp(`^${escape(says)}`));
    await expect(popup.number).toHaveValue(typed); // what was typed is kept to fix
    await expect(popup.cards).toHaveCount(0);
  }
  expect(pd.log.entries).toEqual([]);

  // Fixing the number clears the message and looks it up.
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.card('Bob Smith')).toBeVisible();
  await expect(popup.numberError).toHaveCount(0);
  await expect(popup.error).toHaveCount(0);
  await expect(popup.number).not.toHaveAttribute('aria-invalid', 'true');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Looks Bob up in the popup and opens the Log call form. */
async function logFormForBob(popup: PopupPage, page: Page): Promise<LogFormPage> {
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await popup.logCall.click();
  return new LogFormPage(page);
}

test('a new lookup asks before it drops a log form with a note typed in it', async ({
  popup,
  page,
  extensionUrl,
}) => {
  const form = await logFormForBob(popup, page);
  await form.note.fill('Wants a quote for 20 arms.');

  await popup.number.fill(PIPEDRIVE_NUMBERS.alice);
  await popup.number.press('Enter');
  await expect(popup.discardConfirm).toContainText(
    'The call log for +1 415 555 0102 is not saved. Discard it and look up +14155550101?',
  );
  await expect(popup.keepEditing).toBeFocused();
  await expect(form.note).toHaveValue('Wants a quote for 20 arms.');

  await popup.keepEditing.click();
  await expect(popup.discardConfirm).toHaveCount(0);
  await expect(form.note).toHaveValue('Wants a quote for 20 arms.');

  await popup.number.press('Enter');
  await popup.discardAndLookUp.click();
  await expect(form.form).toHaveCount(0);
  await expect(popup.card('Alice Johnson')).toBeVisible();
  // Discarded means gone: the next popup starts empty.
  const again = await popup.reopen(extensionUrl);
  await expect(again.number).toHaveValue('');
  await expect(new LogFormPage(again.page).form).toHaveCount(0);
});

test('a new lookup closes a log form with nothing typed in it without asking', async ({
  popup,
  page,
}) => {
  const form = await logFormForBob(popup, page);
  await expect(form.form).toBeVisible();
  await popup.lookUp(PIPEDRIVE_NUMBERS.alice);
  await expect(popup.card('Alice Johnson')).toBeVisible();
  await expect(form.form).toHaveCount(0);
  await expect(popup.discardConfirm).toHaveCount(0);
});

test('a log form comes back as it was when the popup closes and opens again, and goes once saved', async ({
  pd,
  popup,
  page,
  extensionUrl,
}) => {
  let form = await logFormForBob(popup, page);
  await page.getByRole('combobox', { name: 'Direction' }).selectOption('Outbound');
  await page
    .getByRole('combobox', { name: 'Link to' })
    .selectOption({ label: 'Acme - 20 robot arms' });
  await form.note.fill('Wants a quote for 20 arms.');
  await expect
    .poll(() => popup.storedDraft())
    .toMatchObject({ view: 'log', log: { note: 'Wants a quote for 20 arms.' } });

  const again = await popup.reopen(extensionUrl);
  form = new LogFormPage(again.page);
  await expect(form.form).toBeVisible();
  await expect(again.number).toHaveValue(PIPEDRIVE_NUMBERS.bob);
  await expect(again.page.getByTestId('toast')).toContainText(
    'Your unsaved call log for +1 415 555 0102 is back.',
  );
  await expect(form.note).toHaveValue('Wants a quote for 20 arms.');
  // The form brought back has the keyboard, not the number field above it.
  await expect(form.contact).toBeFocused();
  await expect(again.page.getByRole('combobox', { name: 'Direction' })).toHaveValue('Outbound');
  // The deals load after the form opens; the choice is put back once they are there.
  await expect(
    again.page.getByRole('combobox', { name: 'Link to' }).locator('option:checked'),
  ).toHaveText('Acme - 20 robot arms');
  // A subject left alone still follows the form.
  await expect(form.subject).toHaveValue('Outbound call to Bob Smith');

  await form.save.click();
  await expect(again.logged).toBeVisible();
  expect(pd.data.callLogs()).toHaveLength(1);
  expect(pd.data.callLogs()[0]).toMatchObject({
    person_id: PIPEDRIVE_PERSONS.bob.id,
    deal_id: 1,
    note: 'Wants a quote for 20 arms.',
    subject: 'Outbound call to Bob Smith',
  });
  await expect.poll(() => again.storedDraft()).toBeNull();
  const third = await again.reopen(extensionUrl);
  await expect(new LogFormPage(third.page).form).toHaveCount(0);
});

test('a new contact typed in the popup comes back after it closes, and Cancel lets it go', async ({
  popup,
  page,
  extensionUrl,
}) => {
  await popup.lookUp(PIPEDRIVE_NUMBERS.unknown);
  await popup.createContact.click();
  await page.getByLabel('New contact name').fill('Wanda Walk-in');
  await expect.poll(() => popup.storedDraft()).toMatchObject({ view: 'create' });

  const again = await popup.reopen(extensionUrl);
  const name = again.page.getByLabel('New contact name');
  await expect(name).toHaveValue('Wanda Walk-in');
  await again.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(name).toHaveCount(0);
  await expect.poll(() => again.storedDraft()).toBeNull();
  const third = await again.reopen(extensionUrl);
  await expect(third.page.getByLabel('New contact name')).toHaveCount(0);
});

test('a log form closed while saving comes back, and saving it again logs the call once', async ({
  pd,
  popup,
  page,
  extensionUrl,
}) => {
  const form = await logFormForBob(popup, page);
  await form.note.fill('Wants a quote.');
  pd.faults.add({ method: 'POST', path: '/v1/callLogs', kind: 'delay', delayMs: 2_000 });
  await form.save.click();
  await expect.poll(() => pd.log.count({ method: 'POST', path: '/v1/callLogs' })).toBe(1);

  // The popup closes mid-Save; the worker finishes it meanwhile.
  const again = await popup.reopen(extensionUrl);
  const restored = new LogFormPage(again.page);
  await expect(restored.note).toHaveValue('Wants a quote.');
  await restored.save.click();
  await expect(again.logged).toBeVisible();
  // The draft kept its Save's request id: the same Save, one log.
  await expect.poll(() => pd.data.callLogs().length).toBe(1);
  expect(pd.log.count({ method: 'POST', path: '/v1/callLogs' })).toBe(1);
});
