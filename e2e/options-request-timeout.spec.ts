/** The CRM request timeout, set in Options, is what a lookup waits for a slow CRM. */
import { PIPEDRIVE_NUMBERS } from './emulators/pipedrive';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';

test('a lookup gives up on a CRM slower than the timeout set in Options', async ({
  pdPage,
  pd,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(pdPage, extensionUrl);
  await expect(options.requestTimeout).toHaveValue('15');
  await options.requestTimeout.fill('2');
  await expect(options.errorOf(options.requestTimeout)).toHaveText(
    'Enter a number of seconds between 3 and 60; 2 is out of range.',
  );
  await options.requestTimeout.fill('3');
  await options.commit(options.requestTimeout);
  await expect(options.saveStatus).toContainText('Saved');

  // Pipedrive takes 8 s: within the old 15 s the search would answer; with 3 s it is given up.
  pd.faults.add({ kind: 'delay', delayMs: 8000, path: /search/, times: -1 });
  const popup = await PopupPage.open(await pdPage.context().newPage(), extensionUrl);
  await popup.lookUp(PIPEDRIVE_NUMBERS.alice);
  await expect(
    popup.page.getByRole('alert').filter({ hasText: 'Pipedrive did not answer in time' }),
  ).toBeVisible();
  await expect(popup.cards).toHaveCount(0);
});
