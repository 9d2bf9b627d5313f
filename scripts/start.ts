/**
 * `npm start`: builds CallPop and opens Chromium with it loaded in a fresh profile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { DIST, serviceWorkerOf } from '../e2e/fixtures';
import { extensionArgs, findBrowser } from '../e2e/support/browser';

execFileSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['vite', 'build', '--logLevel', 'warn'],
  {
    stdio: 'inherit',
  },
);

const headless = process.env.HEADLESS === '1';
const context = await chromium.launchPersistentContext(
  mkdtempSync(join(tmpdir(), 'callpop-demo-')),
  {
    executablePath: findBrowser(),
    headless: false,
    args: extensionArgs(DIST, { headless }),
    viewport: null,
  },
);
const worker = await serviceWorkerOf(context);
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);

console.log(
  `CallPop ${extensionId} is loaded. Close the browser window (or press Ctrl+C) to stop.`,
);
context.on('close', () => process.exit(0));
process.on('SIGINT', () => void context.close());
