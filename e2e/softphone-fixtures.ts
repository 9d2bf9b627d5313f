/**
 * Fixtures for the softphone bridge's end-to-end tests: a Pipedrive emulator, the fake
 * Embeddable page on loopback, and CallPop's softphone window framing it, connected to both.
 */
import { startPipedrive } from './emulators/pipedrive';
import { test as base } from './fixtures';
import { SoftphonePage } from './pages/softphone-page';
import { startSoftphoneServer, type SoftphoneServer } from './softphone/server';
import { connectPipedrive, updateSettings } from './support/demo-setup';

export type PipedriveEmulator = Awaited<ReturnType<typeof startPipedrive>>;

export const test = base.extend<{
  crm: PipedriveEmulator;
  fakeServer: SoftphoneServer;
  softphone: SoftphonePage;
}>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  crm: async ({}, use) => {
    const crm = await startPipedrive();
    await use(crm);
    await crm.close();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  fakeServer: async ({}, use) => {
    const server = await startSoftphoneServer();
    await use(server);
    await server.close();
  },
  softphone: async ({ page, extensionUrl, crm, fakeServer }, use) => {
    await page.goto(extensionUrl('src/entrypoints/options/index.html'));
    await connectPipedrive(page, crm.url);
    await updateSettings(page, { softphone: { url: fakeServer.url } });
    await use(await SoftphonePage.open(page, extensionUrl, fakeServer.origin));
  },
});

/** The CRM searches the emulator has answered so far. */
export const searches = (crm: PipedriveEmulator) => crm.log.count({ path: /search/ });
