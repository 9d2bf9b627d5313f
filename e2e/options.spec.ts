import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { startPipedrive, PIPEDRIVE_API_TOKEN, PIPEDRIVE_USER } from './emulators/pipedrive';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { storedLocal } from './support/stored';

const SCREENSHOT = resolve(import.meta.dirname, '..', 'docs', 'screenshots', 'options.png');

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/** Looks a number up the way the popup does, so the engine fills its cache. */
async function lookUp(page: Page, phoneNumber: string): Promise<unknown> {
  return page.evaluate(
    (number) =>
      chrome.runtime.sendMessage({
        channel: 'callpop/v1',
        name: 'contact.lookup',
        payload: { phoneNumber: number },
      }),
    phoneNumber,
  );
}

test('settings save as they change, survive a reload, follow changes made elsewhere and reach the worker', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);

  // Format examples follow each keystroke; a bad format is explained and the typing is kept.
  await options.format(1).fill('(###) ###-####');
  await expect(options.formatExample(1)).toHaveText(
    '+1 415 555 0102 is looked up as (415) 555-0102',
  );
  await options.format(2).fill('###.###.####');
  await expect(options.formatExample(2)).toHaveText('+1 415 555 0102 is looked up as 415.555.0102');
  await options.format(3).fill('ext#x');
  await expect(options.errorOf(options.format(3))).toHaveText(
    '"e" is not allowed. Use only digits, # or *, spaces and + - ( ) .',
  );
  await expect(options.format(3)).toHaveValue('ext#x');
  await options.defaultCountry.selectOption('GB');
  await expect(options.formatExample(1)).toContainText(
    /^\+44 .* is looked up as \(\d{3}\) \d{3}-\d{4}$/,
  );

  // Other invalid inputs: each error sits next to its field, and nothing typed is lost.
  await options.noMatchTtl.fill('61');
  await expect(options.errorOf(options.noMatchTtl)).toHaveText(
    'Enter a number of minutes between 0 and 60; 61 is out of range.',
  );
  await options.fallbackUrl.fill('javascript:alert(1)');
  await expect(options.errorOf(options.fallbackUrl)).toHaveText(
    'Only web addresses starting with https:// or http:// can be opened.',
  );
  await expect(options.fallbackUrl).toHaveValue('javascript:alert(1)');
  await options.softphoneUrl.fill('http://phone.example.com/app.html');
  await expect(options.errorOf(options.softphoneUrl)).toContainText('must start with https://');

  // Then valid values, and every other control.
  await options.noMatchTtl.fill('2');
  await options.matchTtl.fill('90');
  await options.fallbackUrl.fill('https://crm.example.com/search?q={phoneNumber}');
  await options.softphoneUrl.fill('http://localhost:5173/app.html');
  await options.commit(options.softphoneUrl);
  await options.incoming.selectOption('answer');
  await options.outgoing.selectOption('ring');
  await options.severalMatch.selectOption('openAll');
  await options.popOpens.selectOption('crm');
  await options.resolver('Alphabetical').check();
  await options.extensionLookup.check();
  await expect(options.saveStatus).toContainText('Saved');

  const expected = {
    defaultCountry: 'GB',
    overridingFormats: ['(###) ###-####', '###.###.####'],
    extensionLookup: true,
    callPop: {
      inbound: 'answer',
      outbound: 'ring',
      multiple: 'openAll',
      openCrmPage: true,
      fallbackUrl: 'https://crm.example.com/search?q={phoneNumber}',
    },
    resolver: 'alphabetical',
    cache: { matchTtlMinutes: 90, noMatchTtlMinutes: 2 },
    softphone: { url: 'http://localhost:5173/app.html' },
  };
  await expect.poll(() => storedLocal(serviceWorker, 'settings@v1')).toMatchObject(expected);

  await page.reload();
  await options.openAdvanced();
  await expect(options.format(1)).toHaveValue('(###) ###-####');
  await expect(options.format(2)).toHaveValue('###.###.####');
  await expect(options.format(3)).toHaveValue('');
  await expect(options.defaultCountry).toHaveValue('GB');
  await expect(options.noMatchTtl).toHaveValue('2');
  await expect(options.matchTtl).toHaveValue('90');
  await expect(options.incoming).toHaveValue('answer');
  await expect(options.resolver('Alphabetical')).toBeChecked();

  // A change written elsewhere (here: by the worker) shows without a reload.
  await serviceWorker.evaluate(async () => {
    const key = 'settings@v1';
    const current = (await chrome.storage.local.get(key))[key] as { callPop: object };
    await chrome.storage.local.set({
      [key]: { ...current, callPop: { ...current.callPop, inbound: 'off' } },
    });
  });
  await expect(options.incoming).toHaveValue('off');

  await expectNoSeriousA11yViolations(page);
});

test('connect to Pipedrive: a wrong token is explained, the right one connects; cache count, clear and disconnect', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const crm = await startPipedrive();
  try {
    const options = await OptionsPage.open(page, extensionUrl);
    await options.crm.selectOption('pipedrive');
    await options.fillConnection({ 'Pipedrive domain': crm.url, 'API token': 'not-the-token' });
    await options.testConnection();
    await expect(options.connectionOutcome).toContainText('token');
    await options.connect();
    await expect(options.connectionOutcome).toContainText('token');
    await expect(options.connected).toHaveCount(0);
    expect(await storedLocal(serviceWorker, 'connection@v1')).toBeUndefined();

    // The typed address survived the failure; only the token needs fixing.
    await expect(options.field('Pipedrive domain')).toHaveValue(crm.url);
    await options.field('API token').fill(PIPEDRIVE_API_TOKEN);
    await options.testConnection();
    await expect(options.connectionOutcome).toContainText(PIPEDRIVE_USER.name);
    await options.connect();
    await expect(options.connected).toContainText(PIPEDRIVE_USER.name);
    await expect(page.getByTestId('connected-host')).toHaveText(crm.url);
    expect(await page.content()).not.toContain(PIPEDRIVE_API_TOKEN);
    await expect
      .poll(() => storedLocal(serviceWorker, 'connection@v1'))
      .toMatchObject({ platform: 'pipedrive', hostname: crm.url, userName: PIPEDRIVE_USER.name });

    // Two lookups fill the cache; the page counts them and clears them.
    expect(await lookUp(page, '+14155550102')).toMatchObject({ ok: true });
    expect(await lookUp(page, '+14155550101')).toMatchObject({ ok: true });
    await page.reload();
    await options.openAdvanced();
    await expect(options.cacheCount).toHaveText('2 numbers are cached.');
    await options.clearCache();
    await expect(options.cacheOutcome).toHaveText('Removed 2 cached contacts.');
    await expect(options.cacheCount).toHaveText('0 numbers are cached.');

    // Connected, with formats: the screenshot for the docs, and an accessibility check.
    await options.format(1).fill('(###) ###-####');
    await options.format(2).fill('###-###-####');
    await expect(options.formatExample(2)).toContainText('415-555-0102');
    await expectNoSeriousA11yViolations(page);
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Disconnect asks first, then removes the credentials and every cached contact.
    expect(await lookUp(page, '+14155550102')).toMatchObject({ ok: true });
    await options.disconnect();
    await expect(options.connectionNotice).toHaveText(
      'Disconnected from Pipedrive. Removed 1 cached contact.',
    );
    await expect(options.crm).toBeVisible();
    expect(await storedLocal(serviceWorker, 'connection@v1')).toBeUndefined();
    const keys = await serviceWorker.evaluate(async () =>
      Object.keys(await chrome.storage.local.get(null)),
    );
    expect(keys.filter((key) => key.startsWith('match@'))).toEqual([]);
  } finally {
    await crm.close();
  }
});
