/**
 * Call-pop window flows against the Pipedrive emulator: the keyboard (Enter opens the first
 * match's CRM page, Escape closes), a CRM failure at ring time, the no-match fallback page, what
 * a logged call says about how it went, and a call forgotten while its window is open.
 */
import type { BrowserContext } from '@playwright/test';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { PopupPage } from './pages/popup-page';
import { LogFormPage } from './pages/log-form';
import { ringing, sendCallEvent } from './support/connect';
import { updateSettings } from './support/demo-setup';
import type { CallEvent, CallEventReply } from '../src/platform/messages';
import { callSessions } from '../src/platform/storage/keys';

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

test('a number many people share: the window lists the first ones and says how many more', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const mainLine = '+14155550177';
  for (let n = 1; n <= 25; n += 1) {
    pd.data.addPerson({ name: `Front Desk ${n}`, phones: ['+1 415 555 0177'] });
  }
  await sendCallEvent(page, ringing('call-main-line', mainLine));
  const pop = await CallPopPage.waitFor(context, 'call-main-line');
  await expect(pop.page.getByTestId('more-matches')).toHaveText(
    '5 more matches not shown here: look the number up from the toolbar to see them all.',
  );
  await expect(pop.cards).toHaveCount(20);
});

test('Escape at unsaved typing only warns: the window stays, and closes once the contact is saved', async ({
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

/** Presses Escape in a window that closes on it (the page is gone before the press returns). */
async function escapeCloses(pop: CallPopPage): Promise<void> {
  const closed = pop.page.waitForEvent('close');
  await pop.page.keyboard.press('Escape').catch(() => undefined);
  await closed;
}

test('Escape warns once about unsaved typing, names no button that is not there, and closes at a second press', async ({
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-escape-twice', PIPEDRIVE_NUMBERS.unknown);
  const name = pop.page.getByLabel('New contact name');
  await name.fill('Half Typed');
  await name.press('Escape');
  await pop.page.keyboard.press('Escape');
  const toast = pop.page.getByTestId('toast');
  await expect(toast).toContainText('press Escape again to close anyway');
  await expect(toast).not.toContainText('Cancel');
  expect(CallPopPage.windows(context)).toHaveLength(1);
  await escapeCloses(pop);
  expect(CallPopPage.windows(context)).toHaveLength(0);
});

test('closing the window with unsaved typing asks first; a second Escape does not ask again', async ({
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-close-button', PIPEDRIVE_NUMBERS.unknown);
  const name = pop.page.getByLabel('New contact name');
  await name.fill('Half Typed');
  // The window's close button: the browser asks "Leave?"; staying keeps what was typed.
  const asked = pop.page.waitForEvent('dialog');
  await pop.page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(name).toHaveValue('Half Typed');
  expect(CallPopPage.windows(context)).toHaveLength(1);

  // Escape twice is the person's own "close anyway": no second question.
  let questions = 0;
  pop.page.on('dialog', (d) => {
    questions += 1;
    void d.accept();
  });
  await name.press('Escape');
  await pop.page.keyboard.press('Escape');
  await escapeCloses(pop);
  expect(questions).toBe(0);
});

test('Escape closes at once when the typing was cleared, or its form went away on Refresh', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const cleared = await CallPopPage.ring(page, context, 'call-cleared', PIPEDRIVE_NUMBERS.unknown);
  const name = cleared.page.getByLabel('New contact name');
  await name.fill('Oops');
  await name.fill('');
  await name.press('Escape');
  await escapeCloses(cleared);

  const pop = await CallPopPage.ring(page, context, 'call-found', PIPEDRIVE_NUMBERS.unknown);
  await pop.page.getByLabel('New contact name').fill('Larry Late');
  // Someone adds the caller in the CRM meanwhile: Refresh finds them and the form goes away.
  pd.data.addPerson({ name: 'Larry Late', phones: [PIPEDRIVE_NUMBERS.unknown] });
  await pop.refreshButton.click();
  await expect(pop.cards.first()).toContainText('Larry Late');
  await expect(pop.page.getByLabel('New contact name')).toHaveCount(0);
  await escapeCloses(pop);
  expect(CallPopPage.windows(context)).toHaveLength(0);
});

const bobCall = (sessionId: string, status: CallEvent['status']): CallEvent => ({
  ...ringing(sessionId, PIPEDRIVE_NUMBERS.bob),
  status,
});

/** Logs the call from its window with the form as it opens; returns what Pipedrive stored. */
async function logFromWindow(pop: CallPopPage, pd: { data: { callLogs: () => unknown[] } }) {
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await form.save.click();
  await expect(form.form).toBeHidden();
  expect(pd.data.callLogs()).toHaveLength(1);
  return pd.data.callLogs()[0] as { outcome: string; duration: string; person_id: number };
}

test('a call that rang out is logged as missed, with no talk time', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-missed', PIPEDRIVE_NUMBERS.bob);
  await expect(pop.cards).toHaveCount(1);
  await page.waitForTimeout(1_500);
  await sendCallEvent(page, bobCall('call-missed', 'NoCall'));
  await expect(pop.page.getByText('Incoming call · ended')).toBeVisible();
  expect(await logFromWindow(pop, pd)).toMatchObject({
    person_id: PIPEDRIVE_PERSONS.bob.id,
    outcome: 'no_answer',
    duration: '0',
  });
});

test('an answered call is logged as connected, timed from the answer to the hang-up', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-answered', PIPEDRIVE_NUMBERS.bob);
  await page.waitForTimeout(2_000); // ringing: not talk time
  await sendCallEvent(page, bobCall('call-answered', 'CallConnected'));
  await page.waitForTimeout(1_000);
  await sendCallEvent(page, bobCall('call-answered', 'NoCall'));
  await expect(pop.page.getByText('Incoming call · ended')).toBeVisible();
  await page.waitForTimeout(1_500); // after the hang-up: not talk time either
  const log = await logFromWindow(pop, pd);
  expect(log.outcome).toBe('connected');
  expect(Number(log.duration)).toBeGreaterThanOrEqual(1);
  expect(Number(log.duration)).toBeLessThanOrEqual(2);
});

test('a call forgotten while its window is open stays on screen with a note; the half-typed log is kept and saves', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-forgotten', PIPEDRIVE_NUMBERS.bob);
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await form.note.fill('Wants a call back.');
  // What the 12-hour sweep does to an old call's record.
  await page.evaluate(
    (key) => chrome.storage.session.remove(key),
    callSessions.keyFor('call-forgotten'),
  );
  await expect(pop.page.getByTestId('call-forgotten')).toBeVisible();
  await expect(pop.number).toHaveText('+1 415 555 0102');
  await expect(form.note).toHaveValue('Wants a call back.');
  await form.save.click();
  await expect(form.form).toBeHidden();
  expect(pd.data.callLogs()).toMatchObject([{ note: 'Wants a call back.' }]);
});

test('Refresh gets past a search that hangs: its own request shows the match, long before the timeout', async ({
  pd,
  pdPage: page,
  context,
  extensionUrl,
}) => {
  pd.log.clear();
  pd.faults.add({ ...SEARCH, kind: 'hang' }); // the ring's search never answers (15 s timeout)

  let replied: CallEventReply | null = null;
  void sendCallEvent(page, ringing('call-hung', PIPEDRIVE_NUMBERS.bob)).then((reply) => {
    replied = reply;
  });
  const pop = await CallPopPage.waitFor(context, 'call-hung');
  await expect.poll(() => pd.log.count(SEARCH)).toBe(1);
  await expect(pop.cards).toHaveCount(0);

  await pop.refreshButton.click();
  // Well before the hung search's 15 s timeout: the Refresh sent a search of its own.
  await expect(pop.cards).toHaveCount(1, { timeout: 5_000 });
  await expect(pop.cards.first()).toContainText('Bob Smith');
  expect(pd.log.find(SEARCH).map((entry) => entry.fault ?? 'answered')).toEqual([
    'hang',
    'answered',
  ]);
  // The ring's own lookup takes the Refresh's answer instead of waiting for its search.
  await expect.poll(() => replied, { timeout: 5_000 }).toMatchObject({ action: 'popped' });
  expect((replied as CallEventReply | null)?.reason ?? '').not.toContain('did not answer');
  await expect(pop.cards).toHaveCount(1);
  await expect(pop.page.getByRole('alert')).toHaveCount(0);

  // The answer is cached: the popup shows it without another search.
  const popup = await PopupPage.open(await context.newPage(), extensionUrl);
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.card('Bob Smith')).toBeVisible({ timeout: 5_000 });
  await expect(popup.source).toHaveText(/^Saved /);
  expect(pd.log.count(SEARCH)).toBe(2);
});

test('a long name wraps in the call-pop window: no sideways scrolling, Save in view', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const name = 'Dr. María-Guadalupe Fernández de la Concepción Rodríguez-Villanueva y Ortega';
  const email = 'maria.guadalupe.fernandez.rodriguez-villanueva@example-industries.test';
  pd.data.addPerson({ name, phones: ['+14155557001'], emails: [email] });
  const pop = await CallPopPage.ring(page, context, 'call-long-name', '+14155557001');
  await pop.page.setViewportSize({ width: 380, height: 560 });
  await expect(pop.cards.first()).toContainText('Rodríguez-Villanueva');
  const overflow = () =>
    pop.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await expect(form.contact).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await form.save.scrollIntoViewIfNeeded();
  const save = await form.save.boundingBox();
  expect(save!.x + save!.width).toBeLessThanOrEqual(380);
});
