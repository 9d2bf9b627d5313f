/**
 * Playwright fixtures: a fresh Chromium profile with the built extension (dist/) loaded, its
 * service worker and id, and page objects. `npm run test:e2e` builds dist/ first.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  test as base,
  chromium,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import { startPipedrive, type PipedriveEmulator } from './emulators/pipedrive.ts';
import { extensionArgs, findBrowser } from './support/browser';
import { PopupPage } from './pages/popup-page';
import { connect, pipedriveDraft } from './support/connect';

/** The built extension: dist/, or CALLPOP_DIST (a build with its own --outDir). */
export const DIST = process.env.CALLPOP_DIST
  ? resolve(process.env.CALLPOP_DIST)
  : resolve(import.meta.dirname, '..', 'dist');

export interface ExtensionFixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  extensionUrl: (path: string) => string;
  /** A fresh Pipedrive emulator (default seed) for the test, closed after it. */
  pd: PipedriveEmulator;
  /** The test's page, with CallPop already connected to `pd` from it. */
  pdPage: Page;
  /** The popup, open in `pdPage`. */
  popup: PopupPage;
}

export async function launchWithExtension(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does it for you).');
  }
  const headless = process.env.HEADED !== '1';
  const profile = mkdtempSync(join(tmpdir(), 'callpop-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser(),
    headless: false, // headless is chosen with --headless=new, which keeps extension support
    args: extensionArgs(DIST, { headless }),
    viewport: { width: 1000, height: 760 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const existing = context
    .serviceWorkers()
    .find((worker) => worker.url().startsWith('chrome-extension://'));
  return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    const id = new URL(serviceWorker.url()).host;
    await use(id);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  pd: async ({}, use) => {
    const emulator = await startPipedrive();
    await use(emulator);
    await emulator.close();
  },
  pdPage: async ({ page, pd, extensionUrl }, use) => {
    await connect(page, extensionUrl, pipedriveDraft(pd.url));
    await use(page);
  },
  popup: async ({ pdPage, extensionUrl }, use) => {
    await use(await PopupPage.open(pdPage, extensionUrl));
  },
  extensionUrl: async ({ extensionId }, use) => {
    await use((path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
  },
});

export const expect = test.expect;
