/**
 * Popup flows against the Pipedrive emulator: logging a call to a looked-up contact, and what a
 * number that is not a phone number gets (a message at the field, no CRM request).
 */
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { LogFormPage } from './pages/log-form';
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

  await expect(page.getByTestId('toast').filter({ hasText: 'Call logged.' })).toBeVisible();
  await expect(form.form).toBeHidden();
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

test('a Save that timed out after Pipedrive logged it, saved again with an edited note, leaves one log with the edit', async ({
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
  await expect(form.error).toContainText('The call was not logged:', { timeout: 15_000 });
  await expect.poll(() => pd.data.callLogs().length, { timeout: 10_000 }).toBe(1);

  await form.note.fill('Wants a quote. Call back Friday.');
  await form.save.click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Call logged' })).toBeVisible();
  const logs = pd.data.callLogs();
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatchObject({
    person_id: PIPEDRIVE_PERSONS.bob.id,
    note: 'Wants a quote. Call back Friday.',
  });
});

test('a number with letters or too few digits is explained at the field and never reaches the CRM', async ({
  pd,
  popup,
}) => {
  await expect(popup.connection).toContainText('Connected to Pipedrive');
  pd.log.clear();

  const cases = [
    { typed: 'call me maybe', says: 'That does not look like a phone number.' },
    { typed: '+1 415 55', says: 'That phone number is too short.' },
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
