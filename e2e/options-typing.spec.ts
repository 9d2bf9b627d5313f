/**
 * The options page keeps what is typed: never rewritten under the cursor, formats in their
 * fields, saved when the tab closes, and kept as typed when a save fails.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { storedSettings } from './support/stored';

test('a field is never rewritten while it is typed in, even when a pause saves the trimmed value', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);
  await options.format(1).click();
  await options.format(1).pressSequentially('(###) ');
  // The pause commits `(###)`; the space typed last must still be there for the rest.
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ overridingFormats: ['(###)'] });
  await expect(options.format(1)).toHaveValue('(###) ');
  await options.format(1).pressSequentially('###-####');
  await expect(options.format(1)).toHaveValue('(###) ###-####');
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ overridingFormats: ['(###) ###-####'] });

  // The same for a URL typed with a space before the rest of it.
  await options.fallbackUrl.click();
  await options.fallbackUrl.pressSequentially('https://crm.example.com ');
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ callPop: { fallbackUrl: 'https://crm.example.com' } });
  await expect(options.fallbackUrl).toHaveValue('https://crm.example.com ');
});

test('each format field keeps what was typed in it; storage holds the fields as typed', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);
  await options.format(2).fill('###-###-####');
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ overridingFormats: ['', '###-###-####'] });
  await expect(options.format(1)).toHaveValue('');
  await expect(options.format(2)).toHaveValue('###-###-####');
  await options.commit(options.format(2));
  await expect(options.saveStatus).toHaveAttribute('data-state', 'saved');
  await expect(options.format(1)).toHaveValue('');
  await expect(options.formatExample(1)).toHaveText('Not used.');

  // Filling slot 1 afterwards fills it in place; a repeat is said to be looked up once.
  await options.format(1).fill('(###) ###-####');
  await options.format(3).fill('###-###-####');
  await expect(options.formatExample(3)).toHaveText('Same as format 2, so it is looked up once.');
  await options.commit(options.format(3));
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ overridingFormats: ['(###) ###-####', '###-###-####', '###-###-####'] });
  await expect(options.format(2)).toHaveValue('###-###-####');
  await expect(options.format(3)).toHaveValue('###-###-####');

  // Emptying slot 1 leaves slot 2 where it is; emptying the last slot leaves it out.
  await options.format(1).fill('');
  await options.format(3).fill('');
  await options.commit(options.format(3));
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ overridingFormats: ['', '###-###-####'] });
  await expect(options.format(1)).toHaveValue('');
  await expect(options.format(2)).toHaveValue('###-###-####');
});

/** Opens the options page with its clock stopped, so a debounced save never fires by itself. */
async function openWithClockStopped(page: Page, extensionUrl: (path: string) => string) {
  // Installed into a loaded page: into a fresh about:blank it now and then finds no clock to fake.
  await page.goto(extensionUrl('src/entrypoints/softphone/blank.html'));
  await page.clock.install();
  const options = await OptionsPage.open(page, extensionUrl);
  await page.clock.pauseAt(Date.now() + 60_000);
  return options;
}

test('a value typed just before the tab closes or is switched away from is saved', async ({
  context,
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const options = await openWithClockStopped(page, extensionUrl);
  await options.matchTtl.fill('90');
  await options.format(1).fill('###-####');
  await page.close();
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ cache: { matchTtlMinutes: 90 }, overridingFormats: ['###-####'] });

  // Reloading, and switching away from the tab, save at once too.
  const reloaded = await openWithClockStopped(await context.newPage(), extensionUrl);
  await reloaded.fallbackUrl.fill('https://crm.example.com/?q={phoneNumber}');
  await reloaded.page.reload();
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ callPop: { fallbackUrl: 'https://crm.example.com/?q={phoneNumber}' } });
  await reloaded.page.close();

  const again = await openWithClockStopped(await context.newPage(), extensionUrl);
  await again.noMatchTtl.fill('7');
  await again.page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ cache: { noMatchTtlMinutes: 7 } });
});

test('changes still waiting on storage when the page goes away are written', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const options = await openWithClockStopped(page, extensionUrl);
  // Storage reads stop answering, as they do for a page that is going away.
  await page.evaluate(() => {
    const area = chrome.storage.local as unknown as Record<string, unknown>;
    area.get = () => new Promise(() => undefined);
  });
  await options.incoming.selectOption('answer');
  await options.fallbackUrl.fill('https://crm.example.com/?q={phoneNumber}');
  await page.reload();
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({
      callPop: { inbound: 'answer', fallbackUrl: 'https://crm.example.com/?q={phoneNumber}' },
    });
});

test('a save that fails keeps what was typed, says so, and is tried again on leaving the field', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);
  await page.evaluate(() => {
    const area = chrome.storage.local as unknown as Record<string, unknown>;
    area.realSet = area.set;
    area.set = () => Promise.reject(new Error('Storage is full'));
  });
  await options.matchTtl.fill('90');
  await expect(options.saveStatus).toHaveAttribute('data-state', 'failed');
  // The page reads storage again after a failure; give that answer time to arrive.
  await page.waitForTimeout(300);
  await expect(options.matchTtl).toHaveValue('90');
  await expect(options.saveStatus).toHaveText('Not saved: Storage is full.');
  await expect(options.errorOf(options.matchTtl)).toHaveText(
    'Not saved: Storage is full. Leave the field to try again.',
  );
  expect(await storedSettings(serviceWorker)).toBeUndefined();

  await page.evaluate(() => {
    const area = chrome.storage.local as unknown as Record<string, unknown>;
    area.set = area.realSet;
  });
  await options.commit(options.matchTtl);
  await expect
    .poll(() => storedSettings(serviceWorker))
    .toMatchObject({ cache: { matchTtlMinutes: 90 } });
  await expect(options.errorOf(options.matchTtl)).toHaveCount(0);
  await expect(options.matchTtl).toHaveValue('90');
});
