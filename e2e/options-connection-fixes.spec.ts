/**
 * The connection section of Options: a test's result never lands under a form it was not for,
 * messages name the chosen CRM's own address and the page's own buttons, Insightly's API URL
 * can be pasted as Insightly shows it, and keyboard focus follows Connect and Disconnect.
 */
import { INSIGHTLY_API_KEY, startInsightly } from './emulators/insightly';
import { PIPEDRIVE_API_TOKEN, PIPEDRIVE_USER, startPipedrive } from './emulators/pipedrive';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';

test('a slow test result is not shown under another CRM, nor for values edited since', async ({
  page,
  extensionUrl,
}) => {
  const crm = await startPipedrive();
  try {
    const options = await OptionsPage.open(page, extensionUrl);
    const testButton = page.getByRole('button', { name: 'Test connection' });
    await options.crm.selectOption('pipedrive');
    await options.fillConnection({ 'Pipedrive domain': crm.url, 'API token': 'not-the-token' });

    // Switch to Insightly while the wrong token is being tested on a slow CRM.
    crm.faults.add({ kind: 'delay', delayMs: 2500, path: '/v1/users/me' });
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText('Testing the connection to Pipedrive…');
    await options.crm.selectOption('insightly');
    await expect(options.field('API URL')).toBeVisible();
    await expect(testButton).toBeEnabled({ timeout: 10_000 });
    await expect(options.connectionOutcome).toHaveText('');

    // Edit the token while the old one is being tested: its result is not shown.
    await options.crm.selectOption('pipedrive');
    crm.faults.add({ kind: 'delay', delayMs: 2500, path: '/v1/users/me' });
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText('Testing the connection to Pipedrive…');
    await options.field('API token').fill(PIPEDRIVE_API_TOKEN);
    await expect(testButton).toBeEnabled({ timeout: 10_000 });
    await expect(options.connectionOutcome).toHaveText('');
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText(
      `Test passed: Pipedrive accepts this API token as ${PIPEDRIVE_USER.name}. Press Connect to save it.`,
    );
  } finally {
    await crm.close();
  }
});

test("connection messages use the chosen CRM's example and the page's own buttons; /v3.1 is accepted", async ({
  page,
  extensionUrl,
}) => {
  const crm = await startInsightly();
  try {
    const options = await OptionsPage.open(page, extensionUrl);
    await options.crm.selectOption('insightly');
    const apiUrl = options.field('API URL');

    // Empty fields: the reasons are next to the fields, above the outcome.
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText('Check the fields marked above.');

    // A space in the address: Insightly's own example, not Pipedrive's.
    await options.fillConnection({ 'API URL': 'api na1.insightly.com', 'API key': 'k' });
    await options.testConnection();
    await expect(options.errorOf(apiUrl)).toHaveText(
      'That API URL has characters an address cannot have. Enter it like https://api.na1.insightly.com.',
    );

    // The API URL as Insightly displays it, with /v3.1: accepted, and the key is checked.
    await options.fillConnection({ 'API URL': `${crm.url}/v3.1`, 'API key': INSIGHTLY_API_KEY });
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText(
      /^Test passed: Insightly accepts this API key as /,
    );
    await expect(options.errorOf(apiUrl)).toHaveCount(0);

    // 404: no Insightly there, with Insightly's example.
    crm.faults.add({ kind: 'status', status: 404, times: -1 });
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText(
      `No Insightly company at ${new URL(crm.url).host}. Check the address, for example https://api.na1.insightly.com.`,
    );

    // Server error and rate limit: there is no Refresh here, so test again.
    crm.faults.clear();
    crm.faults.add({ kind: 'status', status: 503, times: -1 });
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText(
      'Insightly is unavailable: it had a server error. Test again in a moment.',
      { timeout: 15_000 },
    );
    crm.faults.clear();
    crm.faults.add({ kind: 'rateLimit', retryAfterSec: 1, times: -1 });
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText(
      'Insightly is rate limiting CallPop. Wait a minute, then test again.',
      { timeout: 15_000 },
    );
    await expect(options.connectionOutcome).not.toContainText('Refresh');
  } finally {
    await crm.close();
  }
});

test('keyboard focus follows Connect, Disconnect, Escape and "Yes, disconnect"', async ({
  page,
  extensionUrl,
}) => {
  const crm = await startPipedrive();
  try {
    const options = await OptionsPage.open(page, extensionUrl);
    await options.crm.selectOption('pipedrive');
    await options.fillConnection({ 'Pipedrive domain': crm.url, 'API token': PIPEDRIVE_API_TOKEN });
    await options.field('API token').press('Enter'); // submits: Connect
    const disconnectButton = page.getByRole('button', { name: 'Disconnect', exact: true });
    await expect(options.connected).toContainText(PIPEDRIVE_USER.name);
    await expect(disconnectButton).toBeFocused();

    // Disconnect asks; focus goes to the question's Cancel, and Escape cancels.
    await page.keyboard.press('Enter');
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(cancel).toHaveCount(0);
    await expect(disconnectButton).toBeFocused();

    // Cancel puts focus back on Disconnect too.
    await disconnectButton.click();
    await cancel.click();
    await expect(disconnectButton).toBeFocused();

    // Yes, disconnect: the form comes back with focus on its first field.
    await disconnectButton.click();
    await page.getByRole('button', { name: 'Yes, disconnect' }).click();
    await expect(options.connectionNotice).toContainText('Disconnected from Pipedrive.');
    await expect(options.crm).toBeFocused();
  } finally {
    await crm.close();
  }
});

test('a format longer than the number says it does not fit; the Insightly note is shown', async ({
  page,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);
  await options.format(1).fill('###########');
  await expect(options.formatExample(1)).toHaveText(
    'This format has 11 # or * but +1 415 555 0102 has 10 digits without its country code, so the format does not fit it: numbers shorter than the format are not looked up with it.',
  );
  await options.format(2).fill('#### #### #### ####');
  await expect(options.formatExample(2)).toContainText('does not fit');
  await expect(options.formatExample(2)).not.toContainText('4155');
  await options.format(3).fill('(###) ###-####');
  await expect(options.formatExample(3)).toHaveText(
    '+1 415 555 0102 is looked up as (415) 555-0102',
  );
  await expect(page.getByTestId('formats-insightly-note')).toContainText(
    'On Insightly, setting any format replaces the spellings searched by default',
  );
});
