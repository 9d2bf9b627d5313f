/**
 * Credentials the CRM stops accepting (a revoked or rotated API token): Options and the popup
 * say so where the person fixes it, and a new token is entered without disconnecting, so the
 * cached contacts stay.
 */
import { PIPEDRIVE_API_TOKEN, PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS } from './emulators/pipedrive';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

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
  await expect(
    popup.page.getByRole('alert').filter({ hasText: 'Pipedrive rejected the saved credentials' }),
  ).toBeVisible();

  const reopened = await popup.reopen(extensionUrl);
  const popupAlert = reopened.page.getByTestId('credentials-rejected');
  await expect(popupAlert).toHaveText(
    /Pipedrive rejected CallPop's saved credentials: lookups and saves fail until you enter new ones in Options\./,
  );

  const options = await OptionsPage.open(await reopened.page.context().newPage(), extensionUrl);
  const rejected = options.page.getByTestId('credentials-rejected');
  await expect(rejected).toContainText('Pipedrive rejected the saved API token at ');
  await expect(rejected).toContainText('lookups and saves fail until you enter a new one');

  // A new token for the same account, without Disconnect: the address is kept, focus is on
  // the token, and Escape goes back without changing anything.
  await options.page.getByRole('button', { name: 'Enter a new API token' }).click();
  await expect(options.field('API token')).toBeFocused();
  await expect(options.field('Pipedrive domain')).toHaveValue(pd.url);
  await options.page.keyboard.press('Escape');
  await expect(rejected).toBeVisible();
  await expect(options.page.getByRole('button', { name: 'Enter a new API token' })).toBeFocused();

  await options.page.getByRole('button', { name: 'Enter a new API token' }).click();
  pd.faults.clear();
  await options.field('API token').fill(PIPEDRIVE_API_TOKEN);
  await options.connect();
  await expect(options.connectionNotice).toHaveText(/Connected to Pipedrive as /);
  await expect(options.connected).toBeVisible();
  await expect(rejected).toHaveCount(0);

  // The cached contact survived the new token: it is answered without asking Pipedrive.
  const searches = pd.log.entries.filter((e) => /search/.test(e.path)).length;
  const after = await reopened.reopen(extensionUrl);
  await expect(after.page.getByTestId('credentials-rejected')).toHaveCount(0);
  await after.lookUp(PIPEDRIVE_NUMBERS.alice);
  await expect(after.card(PIPEDRIVE_PERSONS.alice.name)).toBeVisible();
  expect(pd.log.entries.filter((e) => /search/.test(e.path)).length).toBe(searches);
});
