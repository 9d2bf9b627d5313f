/**
 * Saves from the call-pop window that outlive it: the worker keeps the outcome in the call, so
 * a window opened again (Show call window) shows what was saved instead of offering it again.
 */
import { INSIGHTLY_NUMBERS, startInsightly } from './emulators/insightly.ts';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage, UnclearSavePage } from './pages/log-form';
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
    // Typing before the switch stays on screen; the window no longer offers Log call after it.
    await pop.logCallButton.click();
    const form = new LogFormPage(pop.page);
    await form.note.fill('Typed after the switch');
    await connect(page, extensionUrl, insightlyDraft(insightly.url));
    await expect(pop.page.getByTestId('call-stale')).toBeVisible();

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

/** What a late-write test needs of a CRM emulator: where writes go and what it holds. */
interface LateCrm {
  name: string;
  /** Connects CallPop to it (Pipedrive is connected by the fixture already). */
  connect: (page: Page) => Promise<void>;
  held: () => number;
  release: () => number;
  hold: (path: RegExp) => void;
  createPath: RegExp;
  logPath: RegExp;
  /** Records named "Late Caller", and the call logs held. */
  lateCallers: () => number;
  logs: () => number;
  /** 2xx answers to writes on `path` (a held one counts once the CRM stored it). */
  stored: (path: RegExp) => number;
  known: string;
  unknown: string;
  close: () => Promise<void>;
}

async function lateCrm(
  name: string,
  pd: Parameters<Parameters<typeof test>[2]>[0]['pd'],
  extensionUrl: (path: string) => string,
): Promise<LateCrm> {
  if (name === 'Pipedrive') {
    return {
      name,
      connect: () => Promise.resolve(),
      held: () => pd.held(),
      release: () => pd.release(),
      hold: (path) => pd.faults.add({ method: 'POST', path, kind: 'hold' }),
      createPath: /^\/api\/v2\/persons$/,
      logPath: /^\/v1\/callLogs$/,
      lateCallers: () => pd.data.persons().filter((p) => p.name === 'Late Caller').length,
      logs: () => pd.data.callLogs().length,
      stored: (path) =>
        pd.log.find({ method: 'POST', path }).filter((e) => e.status >= 200 && e.status < 300)
          .length,
      known: PIPEDRIVE_NUMBERS.bob,
      unknown: PIPEDRIVE_NUMBERS.unknown,
      close: () => Promise.resolve(),
    };
  }
  const is = await startInsightly();
  return {
    name,
    connect: (page) => connect(page, extensionUrl, insightlyDraft(is.url)),
    held: () => is.held(),
    release: () => is.release(),
    hold: (path) => is.faults.add({ method: 'POST', path, kind: 'hold' }),
    createPath: /^\/v3\.1\/Contacts$/i,
    logPath: /\/Notes$/i,
    lateCallers: () =>
      is.data.contacts().filter((c) => c.FIRST_NAME === 'Late' && c.LAST_NAME === 'Caller').length,
    logs: () => is.data.notes().length,
    stored: (path) =>
      is.log.find({ method: 'POST', path }).filter((e) => e.status >= 200 && e.status < 300).length,
    known: INSIGHTLY_NUMBERS.peterSam,
    unknown: INSIGHTLY_NUMBERS.unknown,
    close: () => is.close(),
  };
}

for (const name of ['Pipedrive', 'Insightly']) {
  for (const late of ['contact', 'call log'] as const) {
    test(`${name}: a ${late} the CRM stores after the retry looked leaves one contact and one log`, async ({
      pd,
      pdPage: page,
      context,
      extensionUrl,
    }) => {
      test.setTimeout(90_000);
      const crm = await lateCrm(name, pd, extensionUrl);
      try {
        await crm.connect(page);
        await updateSettings(page, { requestTimeoutSeconds: 3 });
        const number = late === 'contact' ? crm.unknown : crm.known;
        const pop = await CallPopPage.ring(page, context, `late-${name}-${late}`, number);
        await pop.logCallButton.click();
        const form = new LogFormPage(pop.page);
        if (late === 'contact') {
          await form.contact.selectOption('new');
          await form.newName.fill('Late Caller');
        }
        await form.note.fill('Stored late');
        // The CRM keeps the first write until the test lets it go: CallPop gives up at 3 s.
        const path = late === 'contact' ? crm.createPath : crm.logPath;
        crm.hold(path);
        await form.save.click();
        const unclear = new UnclearSavePage(pop.page);
        await expect(unclear.message).toContainText('may or may not have been saved');
        await expect(unclear.sent).toContainText('Stored late');
        expect(crm.held()).toBe(1);

        // Retried at once: the earlier write is not there yet, so the retry writes.
        await unclear.retry.click();
        await expect(unclear.view).toBeHidden();
        await expect.poll(() => crm.logs()).toBe(1);
        // Now the CRM stores the first attempt, after the retry looked.
        expect(crm.release()).toBe(1);
        await expect.poll(() => crm.stored(path)).toBe(2);
        // CallPop finds the second copy and removes it.
        await expect.poll(() => crm.logs(), { timeout: 30_000 }).toBe(1);
        if (late === 'contact') {
          await expect.poll(() => crm.lateCallers(), { timeout: 30_000 }).toBe(1);
        }
      } finally {
        await crm.close();
      }
    });
  }
}

/**
 * Fills chrome.storage.session with call records whose lookups hold 500 large matches, as many
 * calls to such numbers do, until the area refuses more. Answers how many were written.
 */
async function fillSessionWithCalls(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const contact = (i: number) => ({
      id: i,
      name: `Contact ${i} ${'x'.repeat(200)}`,
      phone: '+14155550123',
      company: 'y'.repeat(200),
    });
    let written = 0;
    // 500 matches per call, then fewer and fewer, until not even one small record fits.
    for (let count = 500; count >= 1; count = Math.floor(count / 2)) {
      const contacts = Array.from({ length: count }, (_, i) => contact(i));
      for (;;) {
        const record = {
          sessionId: `filler-${written}`,
          direction: 'Inbound',
          status: 'Ringing',
          phoneNumber: '+14155550123',
          startTime: Date.now(),
          firstEventAt: Date.now(),
          updatedAt: Date.now(),
          lookup: { state: 'done', result: { contacts, canCreate: true } },
          pop: { state: 'none' },
          windowId: null,
        };
        try {
          await chrome.storage.session.set({ [`callSession@v1:filler-${written}`]: record });
        } catch {
          break;
        }
        written += 1;
      }
    }
    return written;
  });
}

test('a full session store never stops a Save: a contact and a call log still save', async ({
  pd,
  pdPage: page,
  context,
}) => {
  test.setTimeout(90_000);
  // Windows opened before the area fills up.
  const create = await CallPopPage.ring(page, context, 'full-create', PIPEDRIVE_NUMBERS.unknown);
  await create.page.getByLabel('New contact name').fill('Full Store');
  const log = await CallPopPage.ring(page, context, 'full-log', PIPEDRIVE_NUMBERS.bob);
  await log.logCallButton.click();
  const form = new LogFormPage(log.page);
  await form.note.fill('Saved with a full store');

  expect(await fillSessionWithCalls(page)).toBeGreaterThan(0);

  await create.page.getByRole('button', { name: 'Save contact' }).click();
  await expect(create.cards.first()).toContainText('Full Store');
  expect(pd.data.persons().filter((p) => p.name === 'Full Store')).toHaveLength(1);

  await form.save.click();
  await expect(form.form).toBeHidden();
  expect(pd.data.callLogs()).toEqual([
    expect.objectContaining({ note: 'Saved with a full store' }),
  ]);
});

test('a full session store never stops a pop', async ({ pdPage: page, context }) => {
  await fillSessionWithCalls(page);
  const pop = await CallPopPage.ring(page, context, 'full-pop', PIPEDRIVE_NUMBERS.bob);
  await expect(pop.cards.first()).toContainText(PIPEDRIVE_PERSONS.bob.name);
});
