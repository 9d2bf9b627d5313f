/**
 * `npm start`: the demo. Builds CallPop, starts the demo CRM (the Pipedrive emulator, or the
 * Insightly or HubSpot one with DEMO_CRM=insightly or hubspot; its data kept in .demo/) and the fake
 * softphone, then opens Chromium with CallPop already connected and its softphone window
 * showing. HEADLESS=1 for a smoke run that follows the first printed step (scripts/demo-smoke.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { DIST, serviceWorkerOf } from '../e2e/fixtures';
import { startSoftphoneServer } from '../e2e/softphone/server';
import { extensionArgs, findBrowser } from '../e2e/support/browser';
import {
  connectDemoCrm,
  demoCrmFrom,
  SOFTPHONE_PAGE,
  updateSettings,
} from '../e2e/support/demo-setup';
import { demoDataProblem, missingDisplay } from './demo-checks';
import { smokeTest } from './demo-smoke';

const headless = process.env.HEADLESS === '1';
const noDisplay = headless ? undefined : missingDisplay(process.env, process.platform);
function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}
const demoCrm = demoCrmFrom(process.env.DEMO_CRM);
if (typeof demoCrm === 'string') refuse(demoCrm);
const problem = noDisplay ?? demoDataProblem(demoCrm.dataFile, demoCrm.seed());
if (problem) refuse(problem);
const { dataFile, displayName, firstCall, secret } = demoCrm;

execFileSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  ['vite', 'build', '--logLevel', 'warn'],
  { stdio: 'inherit' },
);

mkdirSync(dirname(dataFile), { recursive: true });
const crm = await demoCrm.start(dataFile);
const softphone = await startSoftphoneServer();

// A throwaway profile for each run: the CRM's data is what the demo keeps (.demo/).
const profile = mkdtempSync(join(tmpdir(), 'callpop-demo-'));
let context: BrowserContext | undefined;
let stopping: Promise<never> | undefined;

function stop(code: number): Promise<never> {
  stopping ??= (async () => {
    await context?.close().catch(() => undefined);
    await Promise.allSettled([crm.close(), softphone.close()]);
    rmSync(profile, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}
// Ctrl+C, `kill`, or the terminal closing: the browser, both servers and the profile go too.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void stop(0));
}

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser(),
    headless: false, // headless is chosen with --headless=new, which keeps extension support
    args: extensionArgs(DIST, { headless }),
    viewport: null,
    // stop() closes the browser on these signals; Playwright's own handlers would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const worker = await serviceWorkerOf(context);
  const extensionId = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${extensionId}/src/entrypoints/options/index.html`);
  await updateSettings(page, { softphone: { url: softphone.url } });
  await connectDemoCrm(page, demoCrm, crm.url);
  // The softphone window, as CallPop opens it: a small app window that stays open for calls.
  await worker.evaluate(
    (url) => chrome.windows.create({ url, type: 'popup', width: 400, height: 680 }),
    `chrome-extension://${extensionId}/${SOFTPHONE_PAGE}`,
  );
  console.log(`
CallPop ${extensionId} is running, connected to the demo CRM:
the ${displayName} emulator at ${crm.url}
${secret.label}: ${secret.value}   (to connect again by hand after a Disconnect)
(data kept in ${dataFile}; delete it for fresh sample contacts).

In the "CallPop softphone" window:
  1. Click "Incoming call" with ${firstCall.number}: ${firstCall.name} pops in the call window.
  2. Try ${demoCrm.moreCalls}
     and +14155550999 (no match: create a placeholder contact from the call window, then call
     it again).
  3. "Answer" and "Hang up" send the same call's next events; it still pops once.
Call-pop rules and the softphone URL are on the options page.

Make the CRM fail (for numbers not cached yet, or on Refresh) until the faults are cleared:
  curl -X POST ${crm.url}/__emulator/faults -H 'content-type: application/json' \\
    -d '{"kind": "status", "status": 503, "times": -1}'
  curl -X DELETE ${crm.url}/__emulator/faults
Other faults (rate limits, slow or broken answers): README.md, "The demo".
No screen? HEADLESS=1 npm start follows step 1 and saves a picture of the call window;
xvfb-run npm start runs all of it in a virtual display (README.md, "The demo").
${headless ? 'Smoke run: following step 1…' : 'Close the browser window (or press Ctrl+C) to stop.'}`);
  if (headless) {
    const screenshot = await smokeTest(context, demoCrm);
    console.log(`Smoke run passed: the call popped with its contact. See it: ${screenshot}`);
    await stop(0);
  }
  context.on('close', () => void stop(0));
} catch (error) {
  console.error(
    `The demo could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  await stop(1);
}
