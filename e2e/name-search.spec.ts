/**
 * Finding the caller the number does not find: a name search that adds the number to the contact,
 * the caller picked among a shared number's contacts, and a name typed in the popup.
 */
import { INSIGHTLY_CONTACTS, INSIGHTLY_NUMBERS, startInsightly } from './emulators/insightly.ts';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage } from './pages/log-form';
import { seriousViolations } from './support/axe';
import { connect, insightlyDraft } from './support/connect';

const SEARCH = { path: '/api/v2/persons/search' };
const NEW_NUMBER = '+14155550199';

test('a number with no match: Search the CRM finds Sam Lee, adds the number, and the next call pops him from the cache', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const sam = pd.data.addPerson({ name: 'Sam Lee', phones: ['+1 212 555 0111'] });
  const pop = await CallPopPage.ring(page, context, 'name-add-1', NEW_NUMBER);
  await expect(pop.page.getByText('No contact matches this number.')).toBeVisible();
  await pop.page.getByLabel('Name or email in the CRM').fill('sam');
  await pop.page.getByRole('button', { name: 'Search the CRM' }).click();
  const add = pop.page.getByRole('button', { name: /^Add .*0199 to Sam Lee$/ });
  await expect(add).toBeVisible();
  expect(await seriousViolations(pop.page)).toEqual([]);
  await pop.page.setViewportSize({ width: 380, height: 560 });
  await pop.page.screenshot({ path: '/tmp/namefeature-search.png' });

  await add.click();
  await expect(pop.cards.getByRole('heading', { name: 'Sam Lee' })).toBeVisible();
  await pop.page.screenshot({ path: '/tmp/namefeature-added.png' });
  // Added beside the phone the person had, which is kept.
  expect(pd.data.person(sam.id)?.phones.map((p) => p.value)).toEqual([
    '+1 212 555 0111',
    NEW_NUMBER,
  ]);

  pd.log.clear();
  const next = await CallPopPage.ring(page, context, 'name-add-2', NEW_NUMBER);
  await expect(next.cards.getByRole('heading', { name: 'Sam Lee' })).toBeVisible();
  expect(pd.log.count(SEARCH)).toBe(0);
});

test('a shared number: the call logged against the second contact lists it first, chosen before, on the next call', async ({
  pdPage: page,
  context,
}) => {
  const { carol, dan } = PIPEDRIVE_PERSONS;
  const pop = await CallPopPage.ring(page, context, 'pick-1', PIPEDRIVE_NUMBERS.shared);
  await expect(pop.cards).toHaveCount(2);
  const second = (await pop.cards.nth(1).getByRole('heading').textContent()) ?? '';
  expect([carol.name, dan.name]).toContain(second);
  await expect(pop.cards.first().getByRole('button', { name: 'This is the caller' })).toBeVisible();

  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await form.contact.selectOption({ index: 1 });
  await form.save.click();
  await expect(pop.logged).toContainText(second);

  const next = await CallPopPage.ring(page, context, 'pick-2', PIPEDRIVE_NUMBERS.shared);
  const first = next.cards.first();
  await expect(first.getByRole('heading')).toHaveText(second);
  await expect(first.getByTestId('chosen-before')).toContainText('Chosen before');
  await next.page.setViewportSize({ width: 380, height: 560 });
  await next.page.screenshot({ path: '/tmp/namefeature-chosen.png' });

  // Forgotten: the mark goes, and the other contact can be chosen instead.
  await first.getByRole('button', { name: 'Forget choice' }).click();
  await expect(next.page.getByTestId('chosen-before')).toHaveCount(0);
  await next.cards.nth(1).getByRole('button', { name: 'This is the caller' }).click();
  await expect(next.cards.first().getByTestId('chosen-before')).toBeVisible();
  await expect(next.cards.first().getByRole('heading')).not.toHaveText(second);
});

test('the popup takes a name: "Sam" finds Sam Lee; a single letter is explained', async ({
  pd,
  popup,
  page,
}) => {
  pd.data.addPerson({ name: 'Sam Lee', phones: ['+1 212 555 0111'] });
  await expect(popup.connection).toContainText('Connected to Pipedrive');
  await popup.lookUp('Sam');
  await expect(popup.card('Sam Lee')).toBeVisible();
  await expect(page.getByTestId('found-by-name')).toContainText('1 found for');
  await expect(popup.numberError).toHaveCount(0);
  await page.setViewportSize({ width: 400, height: 420 });
  await page.screenshot({ path: '/tmp/namefeature-popup.png' });

  await popup.lookUp('x');
  await expect(popup.numberError).toContainText('at least 2 letters');
  await expect(popup.number).toHaveValue('x');
});

test('Insightly, from the log form: a contact found by name takes the number, and the call is logged against her', async ({
  page,
  context,
  extensionUrl,
}) => {
  const crm = await startInsightly();
  try {
    await connect(page, extensionUrl, insightlyDraft(crm.url));
    const { rosa } = INSIGHTLY_CONTACTS;
    const pop = await CallPopPage.ring(page, context, 'is-name-1', INSIGHTLY_NUMBERS.unknown);
    await pop.logCallButton.click();
    const form = new LogFormPage(pop.page);
    await form.form.getByLabel('Name or email in the CRM').fill('garcía');
    await form.form.getByRole('button', { name: 'Search the CRM' }).click();
    await form.form.getByRole('button', { name: /^Add .* to Rosa García$/ }).click();
    await expect(form.contact).toHaveValue('0');
    await expect(form.contact.locator('option:checked')).toHaveText(/Rosa García/);
    await pop.page.screenshot({ path: '/tmp/namefeature-log-form.png' });
    await form.save.click();
    await expect(pop.logged).toContainText('Rosa García');
    expect(crm.data.contact(rosa.id)?.PHONE).toBe(INSIGHTLY_NUMBERS.unknown);

    crm.log.clear();
    const next = await CallPopPage.ring(page, context, 'is-name-2', INSIGHTLY_NUMBERS.unknown);
    await expect(next.cards.getByRole('heading', { name: 'Rosa García' })).toBeVisible();
    expect(crm.log.entries.filter((entry) => /search/i.test(entry.path))).toEqual([]);
  } finally {
    await crm.close();
  }
});
