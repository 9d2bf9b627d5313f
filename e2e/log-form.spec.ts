import type { Page } from '@playwright/test';
import {
  startInsightly,
  INSIGHTLY_NUMBERS,
  type InsightlyEmulator,
} from './emulators/insightly.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage, UnclearSavePage } from './pages/log-form';
import { seriousViolations } from './support/axe';
import { connect, insightlyDraft, sendCallEvent } from './support/connect';

let crm: InsightlyEmulator;
test.beforeEach(async () => {
  crm = await startInsightly();
});
test.afterEach(async () => {
  await crm.close();
});

const CREATES = { method: 'POST', path: /^\/v3\.1\/(Contacts|Leads)$/i };
const LOGS = { method: 'POST', path: /\/Notes$/i };

async function openLogForm(
  page: Page,
  context: Parameters<typeof CallPopPage.waitFor>[0],
  sessionId: string,
  from: string,
) {
  await sendCallEvent(page, {
    sessionId,
    direction: 'Inbound',
    status: 'Ringing',
    from,
    to: '+14155550000',
  });
  const pop = await CallPopPage.waitFor(context, sessionId);
  await pop.logCallButton.click();
  return { pop, form: new LogFormPage(pop.page) };
}

for (const [type, number] of [
  ['Contact', '+14155550991'],
  ['Lead', '+14155550992'],
] as const) {
  test(`creates a placeholder ${type} and logs the call: one create, one log`, async ({
    page,
    context,
    extensionUrl,
  }) => {
    await connect(page, extensionUrl, insightlyDraft(crm.url));
    const { pop, form } = await openLogForm(page, context, `log-${type}`, number);
    await expect(form.contact).toHaveValue('new');
    await expect(form.newName).toBeFocused();
    await form.newName.fill(`Walk-in ${type}`);
    await form.contactType.selectOption({ label: type });
    await expect(form.subject).toHaveValue(`Inbound call from Walk-in ${type}`);
    await form.note.fill('Asked about pricing.');
    if (type === 'Lead') {
      expect(await seriousViolations(pop.page)).toEqual([]);
      await pop.page.setViewportSize({ width: 400, height: 600 });
      await pop.page.screenshot({ path: 'docs/screenshots/log-form.png' });
    }
    await form.save.dblclick();
    await expect(form.form).toBeHidden();
    await expect(pop.cards.first()).toContainText(`Walk-in ${type}`);
    // Stored once each; a request Insightly refused for its rate (429) stored nothing.
    const created = crm.log.find(CREATES).filter((entry) => entry.status < 300);
    expect(created.map((entry) => entry.path)).toEqual([
      type === 'Lead' ? '/v3.1/Leads' : '/v3.1/Contacts',
    ]);
    expect(crm.log.find(LOGS).filter((entry) => entry.status < 300)).toHaveLength(1);
  });
}

test('clear failures keep the form editable; an unclear one freezes what was sent until Retry', async ({
  page,
  context,
  extensionUrl,
}) => {
  await connect(page, extensionUrl, insightlyDraft(crm.url));
  const { pop, form } = await openLogForm(page, context, 'log-faults', INSIGHTLY_NUMBERS.unknown);
  await form.newName.fill('Kept Name');
  await form.contactType.selectOption({ label: 'Lead' });
  await form.note.fill('Kept note');

  const clear = [
    { fault: { kind: 'status', status: 401 }, says: /rejected the saved credentials/i },
    { fault: { kind: 'rateLimit', retryAfterSec: 600 }, says: /rate limiting/i },
  ] as const;
  for (const { fault, says } of clear) {
    crm.faults.add({ method: 'POST', path: CREATES.path, ...fault });
    await form.save.click();
    await expect(form.error).toContainText('The call was not logged:');
    await expect(form.error).toContainText(says);
    await expect(form.newName).toHaveValue('Kept Name');
    await expect(form.contactType).toHaveValue(/lead/i);
    await expect(form.note).toHaveValue('Kept note');
    await expect(form.save).toBeEnabled();
  }

  // A server error: Insightly may or may not have saved it. What was sent is shown, read-only.
  const unclear = new UnclearSavePage(pop.page);
  crm.faults.add({ method: 'POST', path: CREATES.path, kind: 'status', status: 500 });
  await form.save.click();
  await expect(unclear.message).toContainText(/unavailable|server error/i);
  await expect(unclear.sent).toContainText('Kept Name');
  await expect(unclear.sent).toContainText('Kept note');
  await expect(form.form).toBeHidden();
  await expect(unclear.retry).toBeFocused();
  // Another server error on Retry: still frozen, still the same content.
  crm.faults.add({ method: 'POST', path: CREATES.path, kind: 'status', status: 500 });
  await unclear.retry.click();
  await expect(unclear.retry).toHaveText('Retry');
  await expect(unclear.sent).toContainText('Kept Name');
  expect(crm.log.count(LOGS)).toBe(0);

  await unclear.retry.click();
  await expect(unclear.view).toBeHidden();
  await expect(pop.cards.first()).toContainText('Kept Name');
  const created = crm.log
    .find(CREATES)
    .filter((entry) => entry.status >= 200 && entry.status < 300);
  expect(created).toHaveLength(1);
  expect(crm.log.count(LOGS)).toBe(1);
});

test('when the lookup failed, Log call offers no new contact (it could duplicate one) and says why', async ({
  page,
  context,
  extensionUrl,
}) => {
  await connect(page, extensionUrl, insightlyDraft(crm.url));
  // Every search fails: CallPop cannot tell whether the caller is in the CRM.
  crm.faults.add({ path: /\/Search$/i, kind: 'status', status: 500, times: Infinity });
  const { pop } = await openLogForm(page, context, 'log-lookup-failed', INSIGHTLY_NUMBERS.unknown);
  const blocked = pop.page.getByTestId('log-blocked');
  await expect(blocked).toContainText('could not look this number up');
  // Back is the one way out offered here; Refresh is on the card it goes back to.
  await expect(blocked).toContainText('Go back, look it up again with Refresh, then log the call.');
  await expect(blocked.getByRole('button')).toHaveCount(0);
  await expect(pop.page.getByLabel('New contact name')).toHaveCount(0);
  await pop.page.getByRole('button', { name: 'Back' }).click();
  await expect(blocked).toBeHidden();
  expect(crm.log.count(CREATES)).toBe(0);
  expect(crm.log.count(LOGS)).toBe(0);
});

test('a contact and a lead with the same name and number are told apart in the Contact list', async ({
  page,
  context,
  extensionUrl,
}) => {
  // Peter Novak is a contact; the same person also came in as a lead on the same number.
  const lead = crm.data.addLead({
    FIRST_NAME: 'Peter',
    LAST_NAME: 'Novak',
    PHONE: '+1 415 555 0166',
  });
  await connect(page, extensionUrl, insightlyDraft(crm.url));
  const { form } = await openLogForm(page, context, 'log-same-name', INSIGHTLY_NUMBERS.peterSam);
  await expect(form.contact.locator('option')).toHaveText([
    'Peter Novak (Contact)',
    'Sam Rivera (Lead, Rivera Catering)',
    'Peter Novak (Lead)',
    'Create new contact...',
  ]);
  await form.contact.selectOption({ label: 'Peter Novak (Lead)' });
  await form.save.click();
  await expect(form.form).toBeHidden();
  expect(crm.data.notes()).toEqual([
    expect.objectContaining({ LINK_SUBJECT_TYPE: 'Lead', LINK_SUBJECT_ID: lead.LEAD_ID }),
  ]);
});
