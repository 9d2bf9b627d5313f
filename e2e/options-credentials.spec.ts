/**
 * Credentials the CRM stops accepting (a revoked or rotated API token): Options and the popup
 * say so where the person fixes it, and a new token is entered without disconnecting, so the
 * cached contacts stay.
 */
import { PIPEDRIVE_API_TOKEN, PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

const REPLACE = { name: 'Enter a new API token' };
const RECONNECT = { name: 'Reconnect: enter a new API token' };

test('a rejected token is shown in Options and the popup; a new one clears it and keeps the cache', async ({
  pdPage,
  pd,
  extensionUrl,
}) => {
  const popup = await PopupPage.open(pdPage, extensionUrl);
  await popup.lookUp(PIPEDRIVE_NUMBERS.alice);
  await expect(popup.card(PIPEDRIVE_PERSONS.alice.name)).toBeVisible();

  // The token is revoked in Pipedrive: the next search is refused with a 401.
  pd.faults.add({ kind: 'status', status: 401, path: /search/, times: -1 });
  await popup.lookUp(PIPEDRIVE_NUMBERS.bob);
  await expect(popup.page.getByTestId('lookup-problem')).toContainText(
    'Pipedrive rejected the saved credentials. They may have been revoked or have expired: enter new ones in Options.',
  );
  // The popup's connection line says so at once, not only when it is opened again.
  await expect(popup.connection).toContainText(
    "Pipedrive rejected CallPop's saved credentials: lookups and saves fail until you reconnect.",
  );

  const options = await OptionsPage.open(await pdPage.context().newPage(), extensionUrl);
  const rejected = options.page.getByTestId('credentials-rejected');
  await expect(rejected).toContainText('Pipedrive rejected the saved API token at ');
  await expect(rejected).toContainText('lookups and saves fail until you enter a new one');

  // A new token for the same account, without Disconnect: same CRM and address, focus on the
  // token, and Escape goes back without changing anything.
  await options.page.getByRole('button', RECONNECT).click();
  await expect(options.page.getByTestId('replace-intro')).toHaveText(
    `A new API token for Pipedrive at ${pd.url}, signed in as Dana Demo. Cached contacts stay when it is for the same account.`,
  );
  await expect(options.crm).toHaveCount(0);
  await expect(options.field('API token')).toBeFocused();
  await expect(options.field('Pipedrive domain')).toHaveValue(pd.url);
  await options.page.keyboard.press('Escape');
  await expect(rejected).toBeVisible();
  await expect(options.page.getByRole('button', RECONNECT)).toBeFocused();

  await options.page.getByRole('button', RECONNECT).click();
  pd.faults.clear();
  await options.field('API token').fill(PIPEDRIVE_API_TOKEN);
  // The replaced token's alert must not come back, even for a moment, once Connect is pressed.
  await options.page.evaluate(() => {
    const seen = { rejected: false };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="credentials-rejected"]')) seen.rejected = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await options.connect();
  await expect(options.connectionNotice).toHaveText('Connected to Pipedrive as Dana Demo.');
  await expect(options.connected).toBeVisible();
  await expect(rejected).toHaveCount(0);
  await expect(options.page.getByRole('button', REPLACE)).toBeFocused();
  expect(
    await options.page.evaluate(() => (window as unknown as { seen: { rejected: boolean } }).seen),
  ).toEqual({ rejected: false });

  // The popup, still open, no longer says it; the cached contact survived the new token and is
  // answered without asking Pipedrive.
  await expect(popup.connection).toHaveAttribute('data-state', 'connected');
  const searches = pd.log.entries.filter((e) => /search/.test(e.path)).length;
  await popup.lookUp(PIPEDRIVE_NUMBERS.alice);
  await expect(popup.card(PIPEDRIVE_PERSONS.alice.name)).toBeVisible();
  expect(pd.log.entries.filter((e) => /search/.test(e.path)).length).toBe(searches);
});

test('a token form left open while another tab disconnects does not reconnect the old account', async ({
  pdPage,
  extensionUrl,
}) => {
  const first = await OptionsPage.open(pdPage, extensionUrl);
  await first.page.getByRole('button', REPLACE).click();
  await first.field('API token').fill('typed-but-not-sent');

  const second = await OptionsPage.open(await pdPage.context().newPage(), extensionUrl);
  await second.disconnect();
  await expect(second.connectionNotice).toContainText('Disconnected from Pipedrive.');

  // The first tab now offers a new connection, empty, with the CRM to choose.
  await expect(first.page.getByTestId('replace-intro')).toHaveCount(0);
  await expect(first.crm).toBeVisible();
  await expect(first.field('API token')).toHaveValue('');
});
