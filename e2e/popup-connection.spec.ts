/**
 * One connection state per page: connected, not connected, or credentials rejected with the
 * way out. A test of the connection never reads as a saved one. National numbers need no setting.
 */
import { PIPEDRIVE_API_TOKEN, PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

test('a revoked token: the popup shows one state, credentials rejected with Reconnect, and no Log call', async ({
  popup,
  pd,
  extensionUrl,
  serviceWorker,
}) => {
  await expect(popup.connection).toHaveText(/^Connected to Pipedrive as Dana Demo/);
  pd.faults.add({ kind: 'status', status: 401, path: /search/, times: -1 });
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.connection).toHaveAttribute('data-state', 'rejected');
  await expect(popup.connection).toHaveText(
    "Pipedrive rejected CallPop's saved credentials: lookups and saves fail until you reconnect.Reconnect",
  );
  await expect(popup.page.getByText(/Connected to/)).toHaveCount(0);
  await expect(popup.displayNumber).toBeVisible();
  await expect(popup.logCall).toHaveCount(0);
  await expect(popup.page.getByRole('button', { name: 'Open softphone' })).toHaveCount(0);
  await popup.page.screenshot({ path: '/tmp/setup-popup-rejected.png' });
  // The toolbar button says it too, while the popup is closed.
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.action.getTitle({})))
    .toBe('CallPop: Pipedrive rejected the saved credentials. Reconnect.');
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');

  // Options says the same, and no "Signed in as" beside it.
  const options = await OptionsPage.open(await popup.page.context().newPage(), extensionUrl);
  await expect(options.page.getByTestId('credentials-rejected')).toBeVisible();
  await expect(options.page.getByText('Signed in as')).toHaveCount(0);
  await expect(
    options.page.getByRole('button', { name: 'Reconnect: enter a new API token' }),
  ).toBeVisible();
});

test('"(415) 555-0102" is found in an en-US browser with no country set', async ({ popup }) => {
  expect(await popup.page.evaluate(() => navigator.language)).toBe('en-US');
  await popup.lookUp('(415) 555-0102');
  await expect(popup.card(PIPEDRIVE_PERSONS.bob.name)).toBeVisible();
  await expect(popup.numberError).toHaveCount(0);
});

test('Test connection says it tested and that Connect saves; nothing is connected until then', async ({
  page,
  pd,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);
  await options.testConnection();
  await expect(options.errorOf(options.field('Pipedrive domain'))).toHaveText(
    'Enter the Pipedrive domain.',
  );
  await options.fillConnection({ 'Pipedrive domain': pd.url, 'API token': PIPEDRIVE_API_TOKEN });
  await options.testConnection();
  await expect(options.connectionOutcome).toHaveText(
    'Test passed: Pipedrive accepts this API token as Dana Demo. Press Connect to save it.',
  );
  await expect(options.connected).toHaveCount(0);
  await page.screenshot({ path: '/tmp/setup-options-tested.png', fullPage: true });
  const popup = await PopupPage.open(await page.context().newPage(), extensionUrl);
  await expect(popup.connection).toHaveText(/^Not connected to a CRM\./);

  // An address without its scheme is tried over https, and the message says so.
  const { host } = new URL(pd.url);
  await options.fillConnection({ 'Pipedrive domain': host });
  await options.testConnection();
  await expect(options.connectionOutcome).toContainText(
    `CallPop tried https://${host}: if the address starts with http://, type it in full.`,
  );
});
