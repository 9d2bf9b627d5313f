/**
 * `HEADLESS=1 npm start`: follows the first printed step, so a smoke run proves the demo works
 * rather than only that a browser started. Throws with what did not happen.
 */
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { SOFTPHONE_PAGE, type DemoCrm } from '../e2e/support/demo-setup';

const WAIT_MS = 15_000;

/** The page whose URL has `path`: open already, or the next to open. */
async function pageWith(context: BrowserContext, path: string): Promise<Page> {
  const predicate = (page: Page) => page.url().includes(path);
  const opening = context.waitForEvent('page', { predicate, timeout: WAIT_MS });
  const open = context.pages().find(predicate);
  if (open) {
    opening.catch(() => undefined);
    return open;
  }
  return opening;
}

async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${what} (${reason})`, { cause: error });
  }
}

/** Returns where it saved a picture of the call window: the demo seen without a screen. */
export async function smokeTest(context: BrowserContext, crm: DemoCrm): Promise<string> {
  const { number, name } = crm.firstCall;
  const softphone = await step('The softphone window did not open', () =>
    pageWith(context, SOFTPHONE_PAGE),
  );
  const frame = softphone.frameLocator('#frame-host iframe');
  await step('The fake softphone did not get CallPop’s contact service', () =>
    frame.getByText(`Contacts from ${crm.displayName}`).waitFor({ timeout: WAIT_MS }),
  );
  await frame.locator('#number').fill(number);
  const opened = pageWith(context, 'src/entrypoints/callpop/');
  await frame.getByRole('button', { name: 'Incoming call' }).click();
  const pop = await step(`No call window opened for ${number}`, () => opened);
  await step(
    `${name} did not show in the call window (is that contact still in ${crm.dataFile}?)`,
    () => pop.getByText(name).first().waitFor({ timeout: WAIT_MS }),
  );
  const screenshot = join(dirname(crm.dataFile), 'call-window.png');
  await pop.screenshot({ path: screenshot });
  await frame.getByRole('button', { name: 'Hang up' }).click();
  return screenshot;
}
