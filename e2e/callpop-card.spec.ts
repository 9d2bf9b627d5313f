/**
 * What a new user meets on a call: the card (name first, what helps on the phone, rows that fit),
 * the log form (one Link to, errors at the field, a logged state, Save in view), text from the
 * CRM kept in its own direction, and the popup's recent calls.
 */
import type { Locator, Page } from '@playwright/test';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_LEADS,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  PIPEDRIVE_USER,
} from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage } from './pages/log-form';
import { PopupPage } from './pages/popup-page';
import { seriousViolations } from './support/axe';

const { bob } = PIPEDRIVE_PERSONS;

/** Whether the page scrolls: its content is taller than its window. */
const scrolls = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight);

/** The left edge of the text right after `element`, and the right edge of `element`. */
function edges(element: Locator) {
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node.nextSibling!);
    return { after: range.getBoundingClientRect().left, end: node.getBoundingClientRect().right };
  });
}

test('the card leads with the name, says what helps on the phone in plain words, and 3 matches fit', async ({
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'card-one', PIPEDRIVE_NUMBERS.bob);
  const card = pop.cards.first();
  await expect(card.getByRole('heading', { name: bob.name })).toBeVisible();
  await expect(card).toContainText('Acme Robotics');
  await expect(card.getByTestId('contact-email')).toHaveText(bob.email!);
  // Counted by the persons request the lookup makes anyway (no request more).
  await expect(card).toContainText('1 open deal');
  await expect(card).toContainText('Created 14 Feb 2023');
  await expect(card).not.toContainText('Type:');
  await expect(pop.page.getByTestId('lookup-source')).toHaveText('Looked up just now');
  await pop.page.setViewportSize({ width: 380, height: 560 });
  await pop.page.screenshot({ path: '/tmp/card-one.png' });
  // The owner's name needs the CRM's users, fetched beside this first lookup, never before it.
  await expect(card.getByTestId('contact-owner')).toHaveCount(0);
  const storedUsers = () =>
    pop.page.evaluate(async () => Object.keys(await chrome.storage.local.get('ownerNames@v1')));
  await expect.poll(storedUsers).toEqual(['ownerNames@v1']);

  const three = await CallPopPage.ring(page, context, 'card-three', PIPEDRIVE_NUMBERS.multiFormat);
  await three.page.setViewportSize({ width: 380, height: 560 });
  await expect(three.cards).toHaveCount(3);
  await expect(three.cards.getByTestId('contact-owner')).toHaveText(
    Array(3).fill(PIPEDRIVE_USER.name),
  );
  await expect(three.cards.first()).toContainText(`Owner: ${PIPEDRIVE_USER.name}`);
  await expect(three.cards.nth(2)).toBeInViewport({ ratio: 1 });
  expect(await scrolls(three.page)).toBe(false);
  expect(await seriousViolations(three.page)).toEqual([]);
  await three.page.screenshot({ path: '/tmp/owner-card-three.png' });

  // The first number again, from the cache: its one card names the owner too.
  const again = await CallPopPage.ring(page, context, 'card-one-owner', PIPEDRIVE_NUMBERS.bob);
  await again.page.setViewportSize({ width: 380, height: 560 });
  await expect(again.cards.first()).toContainText(`Owner: ${PIPEDRIVE_USER.name}`);
  await again.page.screenshot({ path: '/tmp/owner-card-one.png' });
});

test('a right-to-left override in a CRM name does not reverse the text after it', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const name = 'Eve \u202EMallory';
  pd.data.addPerson({ name, phones: ['+14155550777'], add_time: '2024-01-01T00:00:00Z' });
  const pop = await CallPopPage.ring(page, context, 'card-bidi', '+14155550777');
  const shown = pop.cards.first().locator('h3 bdi');
  await expect(shown).toHaveText(name);
  expect(await shown.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  // Created on 1 Jan 2024, changed since (the emulator stamps its add as the last update).
  await expect(pop.cards.first()).toContainText('Last activity');

  await pop.logCallButton.click();
  await new LogFormPage(pop.page).save.click();
  const logged = pop.logged.locator('bdi');
  await expect(logged).toHaveText(name);
  // " at 10:32." stays after the name, left to right, rather than drawn reversed before it.
  const { after, end } = await edges(logged);
  expect(after).toBeGreaterThanOrEqual(end - 1);
  await pop.page.screenshot({ path: '/tmp/card-bidi.png' });
});

test('Pipedrive: one Link to lists deals and leads, so a log links to one; then a logged state', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'card-link', PIPEDRIVE_NUMBERS.bob);
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await expect(form.linkTo).toBeVisible();
  await expect(form.form.getByRole('combobox', { name: 'Deals' })).toHaveCount(0);
  await form.linkTo.selectOption({ label: PIPEDRIVE_DEALS.bobOpen.title });
  await form.linkTo.selectOption({ label: PIPEDRIVE_LEADS.bob.title });
  await pop.page.setViewportSize({ width: 380, height: 560 });
  await expect(form.save).toBeInViewport({ ratio: 1 });
  expect(await seriousViolations(pop.page)).toEqual([]);
  await pop.page.screenshot({ path: '/tmp/card-log-form.png' });
  await form.save.click();

  await expect(pop.logged).toContainText(`Call logged against ${bob.name}`);
  await expect(pop.logCallButton).toHaveCount(0);
  await expect(pop.logAnotherButton).not.toHaveClass(/primary/);
  expect(pd.data.callLogs()).toHaveLength(1);
  expect(pd.data.callLogs()[0]).toMatchObject({ lead_id: PIPEDRIVE_LEADS.bob.id, deal_id: null });
  await pop.page.screenshot({ path: 'docs/screenshots/callpop-logged.png' });
});

test('popup: an empty new-contact name is marked at the field and focused; Save stays in view; Log another', async ({
  pd,
  popup,
  page,
}) => {
  await page.clock.install();
  await page.reload();
  await page.setViewportSize({ width: 380, height: 600 });
  await popup.lookUp(PIPEDRIVE_NUMBERS.unknown);
  await expect(page.getByText('No contact matches this number.')).toBeVisible();
  // "Contact not found" floats over the page and stays until dismissed: time does not take it,
  // and dismissing it moves nothing under it.
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Contact not found');
  await page.clock.runFor(30_000);
  await expect(toast).toBeVisible();
  const before = await popup.logCall.boundingBox();
  await toast.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(toast).toHaveCount(0);
  expect(await popup.logCall.boundingBox()).toEqual(before);
  await popup.logCall.click();
  const form = new LogFormPage(page);
  await form.subject.focus();
  await expect(form.save).toBeInViewport({ ratio: 1 });
  await form.save.click();

  await expect(form.nameError).toHaveText('Enter a name for the new contact.');
  await expect(form.newName).toBeFocused();
  await expect(form.newName).toHaveAttribute('aria-invalid', 'true');
  const described = await form.newName.getAttribute('aria-describedby');
  expect(described).toBe(await form.nameError.getAttribute('id'));
  expect(pd.data.callLogs()).toHaveLength(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/card-popup-name-error.png' });

  await form.newName.fill('Quinn Newcomer');
  await form.save.click();
  await expect(popup.logged).toContainText('Call logged against Quinn Newcomer');
  await expect(popup.done).toBeFocused();
  await page.screenshot({ path: '/tmp/card-popup-logged.png' });
  await popup.logAnother.click();
  // The contact just created is offered, not created again.
  await expect(form.contact.locator('option:checked')).toHaveText('Quinn Newcomer');
  expect(pd.data.callLogs()).toHaveLength(1);
});

test('the popup lists the last calls, and choosing one brings its window back', async ({
  pdPage: page,
  context,
  extensionUrl,
}) => {
  const first = await CallPopPage.ring(page, context, 'recent-bob', PIPEDRIVE_NUMBERS.bob);
  await expect(first.cards).toHaveCount(1);
  const second = await CallPopPage.ring(page, context, 'recent-none', PIPEDRIVE_NUMBERS.unknown);
  await expect(second.page.getByText('No contact matches this number.')).toBeVisible();
  await first.page.close();

  const popup = await PopupPage.open(await context.newPage(), extensionUrl);
  await expect(popup.recentCalls).toHaveCount(2);
  await expect(popup.recentCalls.nth(0)).toContainText('+1 415 555 0999');
  await expect(popup.recentCalls.nth(0)).toContainText('Not logged');
  await expect(popup.recentCalls.nth(1)).toContainText(bob.name);
  expect(await seriousViolations(popup.page)).toEqual([]);
  await popup.page.setViewportSize({ width: 380, height: 600 });
  await popup.page.screenshot({ path: '/tmp/card-popup-recent.png' });

  await popup.recentCalls.nth(1).click();
  const again = await CallPopPage.waitFor(context, 'recent-bob');
  await expect(again.cards.first()).toContainText(bob.name);
});
