/** HubSpot end to end: connect with a private app token, pop, log with a new company, open it. */
import {
  startHubSpot,
  HUBSPOT_NUMBERS,
  HUBSPOT_PORTAL,
  HUBSPOT_TOKEN,
  type HubSpotEmulator,
} from './emulators/hubspot.ts';
import { expect, test } from './fixtures';
import { CallPopPage } from './pages/callpop-page';
import { LogFormPage } from './pages/log-form';
import { OptionsPage } from './pages/options-page';

let hs: HubSpotEmulator;
test.beforeEach(async () => {
  // Search indexes new records after a while: the new company must still show on Refresh.
  hs = await startHubSpot({ indexLagMs: 60_000 });
  hs.data.uiDomain = hs.url; // record pages open on the emulator, as on the portal's uiDomain
});
test.afterEach(async () => {
  await hs.close();
});

test('connect with a token, pop a contact, log a call on a new company, Refresh, open it in HubSpot', async ({
  page,
  context,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);
  await options.crm.selectOption('hubspot');
  await expect(options.field('Private app access token')).toBeVisible();
  await options.fillConnection({
    'Private app access token': HUBSPOT_TOKEN,
    'API address (optional)': hs.url,
  });
  await options.connect();
  await expect(options.connected).toContainText(`HubSpot account ${HUBSPOT_PORTAL.portalId}`);

  const known = await CallPopPage.ring(page, context, 'hs-known', HUBSPOT_NUMBERS.punctuated);
  await expect(known.cards.first()).toContainText('Alice Johnson');

  const pop = await CallPopPage.ring(page, context, 'hs-new', HUBSPOT_NUMBERS.nobody);
  await pop.logCallButton.click();
  const form = new LogFormPage(pop.page);
  await expect(form.contact).toHaveValue('new');
  await form.newName.fill('Walk-in Supplies');
  await form.contactType.selectOption({ label: 'Company' });
  await form.note.fill('Asked for a catalogue.');
  await form.save.click();
  await expect(form.form).toBeHidden();
  const created = hs.data.all('companies').find((c) => c.properties.name === 'Walk-in Supplies');
  expect(created).toBeDefined();
  const call = hs.data.all('calls').at(-1);
  expect(call?.associations).toEqual([`companies:${created!.id}`]);
  expect(call?.properties.hs_call_body).toBe('Asked for a catalogue.');

  // HubSpot's search has not indexed it yet; Refresh asks again and still shows it.
  const searches = hs.log.count({ path: '/crm/v3/objects/companies/search' });
  await pop.refreshButton.click();
  await expect
    .poll(() => hs.log.count({ path: '/crm/v3/objects/companies/search' }))
    .toBe(searches + 1);
  await expect(pop.cards.first()).toContainText('Walk-in Supplies');
  await expect(pop.cards.first()).toContainText('Company');

  const record = `${hs.url}/contacts/${HUBSPOT_PORTAL.portalId}/record/0-2/${created!.id}`;
  const opened = context.waitForEvent('page', (p) => p.url() === record);
  await pop.page.getByRole('button', { name: 'Open Walk-in Supplies in CRM' }).click();
  await opened;
  expect(hs.specProblems).toEqual([]);
});
