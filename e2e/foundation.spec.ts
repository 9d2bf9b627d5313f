import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, expect, test } from './fixtures';
import { PopupPage } from './pages/popup-page';

const builtManifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
  version_name: string;
};

test('the built extension loads, its service worker runs and answers a typed message', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  expect(serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);

  const popup = await PopupPage.open(page, extensionUrl);
  await expect(popup.version).toHaveText(`v${builtManifest.version_name}`);

  // The same request, sent raw from the page, comes back in the reply envelope.
  const reply: unknown = await page.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'callpop/v1', name: 'status.get', payload: undefined }),
  );
  expect(reply).toEqual({
    ok: true,
    value: { name: 'CallPop', version: builtManifest.version_name },
  });
});

test('unknown requests are answered with an error envelope, not silence', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('src/entrypoints/options/index.html'));
  const reply: unknown = await page.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'callpop/v1', name: 'no.such.request', payload: null }),
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
});

test('every page of the extension renders without errors', async ({ page, extensionUrl }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const path of [
    'src/entrypoints/popup/index.html',
    'src/entrypoints/options/index.html',
    'src/entrypoints/callpop/index.html',
    'src/entrypoints/setup/index.html',
  ]) {
    await page.goto(extensionUrl(path));
    await expect(page.locator('#root > *')).toHaveCount(1);
    // Readable text: Chrome's own `body { font-size: 75% }` for extension pages is overridden.
    const bodySize = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.body).fontSize),
    );
    expect(bodySize, path).toBeGreaterThanOrEqual(13);
  }
  expect(errors).toEqual([]);
});
