/**
 * Phone formats take effect at the next lookup: a number cached as "no match" under the old
 * formats is asked again with the new ones (Insightly searches the spellings the formats give).
 */
import { startInsightly } from './emulators/insightly.ts';
import { expect, test } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { connect, insightlyDraft } from './support/connect';
import { updateSettings } from './support/demo-setup';

test('a new phone format finds a contact a cached "no match" was hiding', async ({
  page,
  extensionUrl,
}) => {
  const insightly = await startInsightly();
  try {
    insightly.data.addContact({ FIRST_NAME: 'Dotted', LAST_NAME: 'Stored', PHONE: '415.555.0199' });
    await connect(page, extensionUrl, insightlyDraft(insightly.url));
    const popup = await PopupPage.open(page, extensionUrl);
    await popup.lookUp('+14155550199');
    await expect(page.getByText('No contact matches this number.')).toBeVisible();

    await updateSettings(page, { overridingFormats: ['###.###.####'] });
    await popup.lookUp('+14155550199');
    await expect(popup.card('Dotted Stored')).toBeVisible();
  } finally {
    await insightly.close();
  }
});
