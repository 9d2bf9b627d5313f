import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive.ts';
import { expect, test } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { seriousViolations } from './support/axe';
import { updateSettings } from './support/demo-setup';

const PERSON_CREATES = { method: 'POST', path: /\/persons$/ };

test('looks up a number, then Refresh shows the CRM renaming and deleting the contact', async ({
  pd,
  popup,
  page,
}) => {
  await expect(popup.connection).toContainText('Connected to Pipedrive');

  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.card('Bob Smith')).toBeVisible();
  await expect(popup.card('Bob Smith')).toContainText('Acme Robotics');
  await expect(popup.source).toHaveText('Looked up just now');

  // A second look-up is answered from the cache, and says so.
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.source).toHaveText(/^Saved /);

  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 400, height: 420 });
  await page.screenshot({ path: 'docs/screenshots/popup.png', fullPage: true });

  pd.data.renamePerson(PIPEDRIVE_PERSONS.bob.id, 'Robert Smith');
  await popup.refreshButton.click();
  await expect(popup.card('Robert Smith')).toBeVisible();
  await expect(popup.source).toHaveText('Looked up just now');

  pd.data.deletePerson(PIPEDRIVE_PERSONS.bob.id);
  await popup.refreshButton.click();
  await expect(page.getByText('No contact matches this number.')).toBeVisible();
  await expect(popup.cards).toHaveCount(0);
});

test('a Refresh the CRM fails keeps the saved contact and says why beside it', async ({
  pd,
  popup,
  page,
}) => {
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.card('Bob Smith')).toBeVisible();
  await expect(popup.note).toHaveCount(0);

  pd.faults.add({ path: '/api/v2/persons/search', kind: 'status', status: 500, times: -1 });
  await popup.refreshButton.click();
  await expect(popup.note).toContainText('showing the contacts saved earlier');
  await expect(popup.card('Bob Smith')).toBeVisible();
  // Said once, beside the contacts, not again in a toast.
  await expect(page.getByText(/showing the contacts saved earlier/)).toHaveCount(1);
});

test('a number entered while another lookup runs is looked up at once; the older answer never shows', async ({
  pd,
  popup,
}) => {
  const SEARCH = { method: 'GET', path: '/api/v2/persons/search' };
  await expect(popup.connection).toContainText('Connected to Pipedrive');
  await popup.recordNamesShown();
  pd.log.clear();
  pd.faults.add({ ...SEARCH, kind: 'delay', delayMs: 3_000 }); // Bob's search: slow

  await popup.typeAndEnter(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.lookupStatus).toHaveText(`Looking up ${PIPEDRIVE_NUMBERS.bob}…`);
  await expect.poll(() => pd.log.count(SEARCH)).toBe(1);

  // The person changes their mind while Bob's lookup runs: Enter looks Alice up at once.
  await popup.typeAndEnter(PIPEDRIVE_NUMBERS.alice);
  await expect.poll(() => pd.log.count(SEARCH)).toBe(2);
  await expect(popup.card('Alice Johnson')).toBeVisible();
  await expect(popup.displayNumber).toHaveText('+1 415 555 0101');
  await expect(popup.lookupStatus).toHaveText('');

  // Bob's answer comes at last (the popup's lookup caches it when it does) and is dropped.
  const bobCached = () =>
    popup.page.evaluate(async () =>
      Object.keys(await chrome.storage.local.get(null)).some((key) => key.endsWith('+14155550102')),
    );
  await expect.poll(bobCached, { timeout: 10_000 }).toBe(true);
  await popup.page.waitForTimeout(300); // time for the late answer to reach the page, if shown
  await expect(popup.number).toHaveValue(PIPEDRIVE_NUMBERS.alice);
  await expect(popup.displayNumber).toHaveText('+1 415 555 0101');
  await expect(popup.cards).toHaveCount(1);
  await expect(popup.card('Alice Johnson')).toBeVisible();
  expect(await popup.namesShown()).toEqual(['Alice Johnson']);
  expect(pd.log.find(SEARCH).map((entry) => entry.query.term)).toEqual([
    '4155550102',
    '4155550101',
  ]);
});

test('looking the same number up again while its lookup hangs asks the CRM anew, well before the timeout', async ({
  pd,
  popup,
}) => {
  const SEARCH = { method: 'GET', path: '/api/v2/persons/search' };
  pd.log.clear();
  pd.faults.add({ ...SEARCH, kind: 'hang' }); // the first search never answers (15 s timeout)
  await popup.typeAndEnter(PIPEDRIVE_NUMBERS.bob);
  await expect.poll(() => pd.log.count(SEARCH)).toBe(1);
  await expect(popup.lookupStatus).toHaveText(`Looking up ${PIPEDRIVE_NUMBERS.bob}…`);

  await popup.number.press('Enter'); // it looks stuck: the person asks again
  await expect(popup.card('Bob Smith')).toBeVisible({ timeout: 5_000 });
  expect(pd.log.count(SEARCH)).toBe(2);
});

test('creates a contact from the popup once, even when Save is pressed twice', async ({
  pd,
  popup,
  page,
}) => {
  await popup.lookUp(PIPEDRIVE_NUMBERS.unknown);
  await expect(page.getByText('No contact matches this number.')).toBeVisible();
  await page.getByRole('button', { name: 'Create new contact...' }).click();
  const name = page.getByLabel('New contact name');
  await expect(name).toBeFocused();

  // Saving without a name says what is missing instead of sending anything.
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a name for the new contact.');

  await name.fill('Wanda Walk-in');
  await page.getByRole('button', { name: 'Save contact' }).dblclick();
  await expect(popup.card('Wanda Walk-in')).toBeVisible();
  await expect(page.getByText('Contact not found')).toHaveCount(0);
  expect(pd.log.count(PERSON_CREATES)).toBe(1);
  expect(pd.data.persons().filter((p) => p.name === 'Wanda Walk-in')).toHaveLength(1);
});

test('the name cannot change while its contact is being saved: the name saved is the name shown', async ({
  pd,
  popup,
  page,
}) => {
  await popup.lookUp(PIPEDRIVE_NUMBERS.unknown);
  await page.getByRole('button', { name: 'Create new contact...' }).click();
  const name = page.getByLabel('New contact name');
  await name.fill('Jon Smith');
  pd.faults.add({ method: 'POST', path: '/api/v2/persons', kind: 'delay', delayMs: 1_500 });
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('button', { name: 'Saving…' })).toBeVisible();
  await expect(name).not.toBeEditable();
  await expect(popup.card('Jon Smith')).toBeVisible();
  expect(pd.data.persons().filter((p) => p.name === 'Jon Smith')).toHaveLength(1);
});

test('without a connection the popup offers to connect', async ({ page, extensionUrl }) => {
  const popup = await PopupPage.open(page, extensionUrl);
  await expect(popup.connection).toContainText('Not connected to a CRM.');
  await expect(page.getByRole('button', { name: 'Connect a CRM' })).toBeVisible();
});

test('the popup opens the softphone window once, and brings it forward after that', async ({
  popup,
  context,
}) => {
  const softphonePages = () =>
    context.pages().filter((p) => p.url().includes('src/entrypoints/softphone/index.html'));

  const opened = context.waitForEvent('page', (p) =>
    p.url().includes('src/entrypoints/softphone/index.html'),
  );
  await popup.page.getByRole('button', { name: 'Open softphone' }).click();
  await opened;
  await popup.page.getByRole('button', { name: 'Open softphone' }).click();
  await expect.poll(() => softphonePages().length).toBe(1);
});

test('a double click on Open softphone opens one softphone window', async ({ popup, context }) => {
  const softphonePages = () =>
    context.pages().filter((p) => p.url().includes('src/entrypoints/softphone/index.html'));

  const opened = context.waitForEvent('page', (p) =>
    p.url().includes('src/entrypoints/softphone/index.html'),
  );
  await popup.openSoftphone.dblclick();
  await opened;
  await expect(popup.openSoftphone).toHaveText('Open softphone');
  await expect(popup.openSoftphone).toBeEnabled();
  // Give a second window time to show up, if one were on its way.
  await popup.page.waitForTimeout(500);
  expect(softphonePages()).toHaveLength(1);
  await expect(popup.softphoneError).toHaveCount(0);
});

test('a softphone window Chrome refuses to open is explained, and the button works again', async ({
  popup,
  context,
}) => {
  await expect(popup.connection).toContainText('Connected to Pipedrive');
  await popup.page.evaluate(() => {
    const create = chrome.windows.create.bind(chrome.windows);
    let refusals = 1;
    chrome.windows.create = ((data: chrome.windows.CreateData) => {
      if (refusals-- > 0) return Promise.reject(new Error('No current window.'));
      return create(data);
    }) as typeof chrome.windows.create;
  });

  await popup.openSoftphone.click();
  await expect(popup.softphoneError).toHaveText(
    'The softphone window could not be opened: No current window.',
  );
  await expect(popup.softphoneError).toHaveRole('alert');

  const opened = context.waitForEvent('page', (p) =>
    p.url().includes('src/entrypoints/softphone/index.html'),
  );
  await popup.openSoftphone.click();
  await opened;
  await expect(popup.softphoneError).toHaveCount(0);
});

test('a create that timed out after Pipedrive made the person stays as sent, and Retry adopts it: one person', async ({
  pd,
  popup,
  page,
}) => {
  test.setTimeout(60_000);
  await updateSettings(page, { requestTimeoutSeconds: 3 });
  await popup.lookUp(PIPEDRIVE_NUMBERS.unknown);
  await page.getByRole('button', { name: 'Create new contact...' }).click();
  await page.getByLabel('New contact name').fill('Jon Smith');
  // Pipedrive stores the person but answers after CallPop has given up.
  pd.faults.add({ method: 'POST', path: '/api/v2/persons', kind: 'delay', delayMs: 4_000 });
  await page.getByRole('button', { name: 'Save contact' }).click();
  const unclear = page.getByTestId('save-unclear');
  await expect(unclear.getByRole('alert')).toContainText('may or may not have been saved');
  await expect(unclear.getByTestId('save-sent')).toContainText('Jon Smith');
  await expect(page.getByLabel('New contact name')).toHaveCount(0);
  const atNumber = () =>
    pd.data.persons().filter((p) => p.phones.some((f) => f.value === PIPEDRIVE_NUMBERS.unknown));
  await expect.poll(() => atNumber().length).toBe(1);

  await unclear.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.card('Jon Smith')).toBeVisible();
  expect(atNumber()).toEqual([expect.objectContaining({ name: 'Jon Smith' })]);
  expect(pd.log.count(PERSON_CREATES)).toBe(1);
});
