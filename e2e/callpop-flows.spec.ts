/**
 * Call-pop window flows against the Pipedrive emulator: the keyboard (Enter opens the first
 * match's CRM page, Escape closes), a CRM failure at ring time, and the no-match fallback page.
 */
import type { BrowserContext } from '@playwright/test';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { ringing, sendCallEvent } from './support/connect';
import { updateSettings } from './support/demo-setup';

const SEARCH = { method: 'GET', path: '/api/v2/persons/search' };

/** URLs of the context's pages (tabs and windows) that are exactly `url`. */
const pagesAt = (context: BrowserContext, url: string) =>
  context.pages().filter((p) => p.url() === url).length;

test('keyboard: Enter opens the first match in the CRM, from the focused card or anywhere; Escape closes', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-keys', PIPEDRIVE_NUMBERS.bob);
  const personPage = `${pd.url}/person/${PIPEDRIVE_PERSONS.bob.id}`;
  await expect(pop.page.getByRole('button', { name: 'Open Bob Smith in CRM' })).toBeFocused();
  expect(pagesAt(context, personPage)).toBe(0);

  // The first match's Open button has focus: Enter opens its page once.
  await pop.page.keyboard.press('Enter');
  await expect.poll(() => pagesAt(context, personPage)).toBe(1);

  // With nothing focused, Enter still opens the first match (the window's own shortcut).
  await pop.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(pop.page.locator('body')).toBeFocused();
  await pop.page.keyboard.press('Enter');
  await expect.poll(() => pagesAt(context, personPage)).toBe(2);

  const closed = pop.page.waitForEvent('close');
  await pop.page.keyboard.press('Escape').catch(() => undefined); // the page closes mid-press
  await closed;
  expect(CallPopPage.windows(context)).toHaveLength(0);
  expect(pagesAt(context, personPage)).toBe(2);
});

test('the CRM fails at ring time: the window still opens and says why; Refresh after recovery shows the match', async ({
  pd,
  pdPage: page,
  context,
}) => {
  pd.log.clear();
  pd.faults.add({ ...SEARCH, kind: 'status', status: 500, times: -1 });

  const reply = await sendCallEvent(page, ringing('call-500', PIPEDRIVE_NUMBERS.bob));
  expect(reply.action).toBe('popped');
  const pop = await CallPopPage.waitFor(context, 'call-500');
  await expect(pop.number).toHaveText('+1 415 555 0102');
  await expect(pop.page.getByRole('alert')).toContainText(
    'Could not look up this number: Pipedrive is unavailable. Pipedrive had a server error.',
  );
  await expect(pop.cards).toHaveCount(0);
  // A failure is never shown as "no match" (that would offer to create a duplicate).
  await expect(pop.page.getByText('No contact matches this number.')).toHaveCount(0);
  expect(pd.log.count(SEARCH)).toBeGreaterThanOrEqual(1);

  pd.faults.clear();
  await pop.refreshButton.click();
  await expect(pop.cards).toHaveCount(1);
  await expect(pop.cards.first()).toContainText('Bob Smith');
  await expect(pop.page.getByRole('alert')).toHaveCount(0);
  await expect(pop.logCallButton).toBeVisible();
});

test('no match with a fallback page set: a tab opens with the number URL-encoded into it', async ({
  pd,
  pdPage: page,
  context,
}) => {
  await updateSettings(page, { callPop: { fallbackUrl: `${pd.url}/search?q={phoneNumber}` } });
  const fallback = `${pd.url}/search?q=%2B${PIPEDRIVE_NUMBERS.unknown.slice(1)}`;

  const reply = await sendCallEvent(page, ringing('call-fallback', PIPEDRIVE_NUMBERS.unknown));
  expect(reply.reason).toContain('Opened the fallback page.');
  await expect.poll(() => pagesAt(context, fallback)).toBe(1);
  // The call window opens too, so the create and log paths stay one click away.
  const pop = await CallPopPage.waitFor(context, 'call-fallback');
  await expect(pop.page.getByText('No contact matches this number.')).toBeVisible();
  expect(pd.log.find({ path: '/search' }).map((entry) => entry.query)).toEqual([
    { q: PIPEDRIVE_NUMBERS.unknown },
  ]);
});

test('Escape never throws away typing: the window stays until the new contact is saved', async ({
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-typing', PIPEDRIVE_NUMBERS.unknown);
  const name = pop.page.getByLabel('New contact name');
  await expect(name).toBeFocused();
  await name.fill('Half Typed');

  // Escape in the field only leaves it; Escape again says why the window stays.
  await name.press('Escape');
  await expect(name).not.toBeFocused();
  await pop.page.keyboard.press('Escape');
  await expect(pop.page.getByTestId('toast')).toContainText('not saved yet');
  await expect(name).toHaveValue('Half Typed');
  expect(CallPopPage.windows(context)).toHaveLength(1);

  await pop.page.getByRole('button', { name: 'Save contact' }).click();
  await expect(pop.cards.first()).toContainText('Half Typed');
  const closed = pop.page.waitForEvent('close');
  await pop.page.keyboard.press('Escape').catch(() => undefined); // the page closes mid-press
  await closed;
  expect(CallPopPage.windows(context)).toHaveLength(0);
});
