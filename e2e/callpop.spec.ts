import { PIPEDRIVE_NUMBERS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { seriousViolations } from './support/axe';
import { ringing, sendCallEvent } from './support/connect';
import { callSessions, type CallSession } from '../src/platform/storage/keys';

test('one match: a call event pops one window, and the same call again only focuses it', async ({
  pdPage: page,
  context,
}) => {
  const reply = await sendCallEvent(page, ringing('call-one', PIPEDRIVE_NUMBERS.bob));
  expect(reply).toEqual({ action: 'popped', reason: 'One contact matches.' });
  const pop = await CallPopPage.waitFor(context, 'call-one');
  await expect(pop.number).toHaveText('+1 415 555 0102');
  await expect(pop.cards).toHaveCount(1);
  await expect(pop.cards.first()).toContainText('Bob Smith');
  await expect(pop.cards.first()).toContainText('Acme Robotics');
  await expect(pop.page.getByRole('button', { name: 'Open Bob Smith in CRM' })).toBeFocused();

  const again = await sendCallEvent(page, {
    ...ringing('call-one', PIPEDRIVE_NUMBERS.bob),
    status: 'CallConnected',
  });
  expect(again.action).toBe('focused');
  expect(CallPopPage.windows(context)).toHaveLength(1);
  await expect(pop.page.getByText('connected', { exact: false }).first()).toBeVisible();

  expect(await seriousViolations(pop.page)).toEqual([]);
  await pop.page.setViewportSize({ width: 400, height: 600 });
  await pop.page.screenshot({ path: 'docs/screenshots/callpop-one.png' });

  // Escape closes the window (the page is gone before the key press returns).
  const closed = pop.page.waitForEvent('close');
  await pop.page.keyboard.press('Escape').catch(() => undefined);
  await closed;
  expect(CallPopPage.windows(context)).toHaveLength(0);

  // One pop per call: a window the person closed stays closed, whatever the call does next.
  for (const status of ['Ringing', 'CallConnected'] as const) {
    const later = await sendCallEvent(page, {
      ...ringing('call-one', PIPEDRIVE_NUMBERS.bob),
      status,
    });
    expect(later).toMatchObject({
      action: 'updated',
      reason: expect.stringContaining('Already popped'),
    });
  }
  expect(CallPopPage.windows(context)).toHaveLength(0);
});

test('several matches: the window lists them in order and says why', async ({
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-several', PIPEDRIVE_NUMBERS.shared);
  await expect(pop.cards).toHaveCount(2);
  await expect(pop.cards.nth(0)).toContainText('Carol Diaz');
  await expect(pop.cards.nth(1)).toContainText('Dan Carter');
  await expect(pop.resolution).toBeVisible();
  // The card's date reads as the reason's does.
  await expect(pop.resolution).toContainText('created 3 May 2022');
  await expect(pop.cards.nth(0)).toContainText('Created 3 May 2022');
  expect(await seriousViolations(pop.page)).toEqual([]);
  await pop.page.setViewportSize({ width: 400, height: 600 });
  await pop.page.screenshot({ path: 'docs/screenshots/callpop-several.png' });
});

test('no match: the window offers to create the contact, name field focused', async ({
  pd,
  pdPage: page,
  context,
}) => {
  const pop = await CallPopPage.ring(page, context, 'call-none', PIPEDRIVE_NUMBERS.unknown);
  await expect(pop.page.getByText('No contact matches this number.')).toBeVisible();
  const name = pop.page.getByLabel('New contact name');
  await expect(name).toBeFocused();
  expect(await seriousViolations(pop.page)).toEqual([]);
  await pop.page.setViewportSize({ width: 400, height: 600 });
  await pop.page.screenshot({ path: 'docs/screenshots/callpop-none.png' });

  await name.fill('Nina New');
  await pop.page.getByRole('button', { name: 'Save contact' }).click();
  await expect(pop.cards.first()).toContainText('Nina New');
  // The card alone: the CRM's "not found" described the list before the create.
  await expect(pop.page.getByTestId('lookup-note')).toHaveCount(0);
  await expect(pop.page.getByText('Contact not found')).toHaveCount(0);
  expect(pd.log.count({ method: 'POST', path: /\/persons$/ })).toBe(1);
});

test('the same call sent many times at once opens exactly one window', async ({
  pdPage: page,
  context,
}) => {
  const replies = await Promise.all(
    Array.from({ length: 4 }, () =>
      sendCallEvent(page, ringing('call-burst', PIPEDRIVE_NUMBERS.alice)),
    ),
  );
  expect(replies.filter((r) => r.action === 'popped')).toHaveLength(1);
  await CallPopPage.waitFor(context, 'call-burst');
  expect(CallPopPage.windows(context)).toHaveLength(1);
});

test('a window that opens before its call is recorded waits for it, then shows it', async ({
  page,
  context,
  extensionUrl,
}) => {
  const pop = new CallPopPage(await context.newPage());
  await pop.page.goto(extensionUrl('src/entrypoints/callpop/index.html?session=late'));
  await expect(pop.page.getByText('Opening the call…')).toBeVisible();
  const record: CallSession = {
    sessionId: 'late',
    direction: 'Outbound',
    status: 'CallConnected',
    phoneNumber: '+14155550199',
    displayNumber: '+1 415 555 0199',
    startTime: Date.now(),
    firstEventAt: Date.now(),
    updatedAt: Date.now(),
    lookup: { state: 'pending', startedAt: Date.now() },
    pop: { state: 'none' },
    windowId: null,
  };
  await page.goto(extensionUrl('src/entrypoints/softphone/blank.html'));
  await page.evaluate(([key, value]) => chrome.storage.session.set({ [key]: value }), [
    callSessions.keyFor('late'),
    record,
  ] as const);
  await expect(pop.number).toHaveText('+1 415 555 0199');
  await expect(pop.page.getByText('Outgoing call · connected')).toBeVisible();
  await expect(pop.page.getByRole('status')).toHaveText('Looking up +1 415 555 0199…');
});

test('a window whose call never turns up says so in plain words', async ({
  context,
  extensionUrl,
}) => {
  const pop = await context.newPage();
  await pop.goto(extensionUrl('src/entrypoints/callpop/index.html?session=never'));
  await expect(pop.getByText('Opening the call…')).toBeVisible();
  await expect(pop.getByRole('alert')).toHaveText(
    'This call is no longer known to CallPop. Close this window and look the number up from the toolbar.',
    { timeout: 10_000 },
  );
});
