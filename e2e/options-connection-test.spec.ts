/**
 * Options "Test connection" with addresses that cannot work: nobody listening, and a server that
 * answers 404 (a wrong domain). Each gets its own plain-words reason, and nothing is saved.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from '@playwright/test';
import { PIPEDRIVE_API_TOKEN } from './emulators/pipedrive';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A loopback port that was just free and is now closed: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function storedKeys(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
}

/** A server on loopback that answers 404 to everything, as a wrong company domain does. */
async function notFoundHost(): Promise<{
  url: string;
  paths: string[];
  close: () => Promise<void>;
}> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  });
  const url = `http://127.0.0.1:${await listen(server)}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, paths, close };
}

test('Test connection: nobody at the address and a wrong domain each say why; nothing is saved', async ({
  page,
  serviceWorker,
  extensionUrl,
}) => {
  const wrong = await notFoundHost();
  try {
    const options = await OptionsPage.open(page, extensionUrl);
    await options.crm.selectOption('pipedrive');
    const before = await storedKeys(serviceWorker);

    // Nobody listening: connection refused.
    const refused = `http://127.0.0.1:${await closedPort()}`;
    await options.fillConnection({ 'Pipedrive domain': refused, 'API token': PIPEDRIVE_API_TOKEN });
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText(
      `Could not reach ${new URL(refused).host}. Check the address and that you are online.`,
    );

    // A host that answers, but 404: not a Pipedrive company.
    await options.field('Pipedrive domain').fill(wrong.url);
    await options.testConnection();
    await expect(options.connectionOutcome).toHaveText(
      `No Pipedrive company at ${new URL(wrong.url).host}. Check the address, for example acme.pipedrive.com.`,
    );
    expect(wrong.paths).toEqual(['/v1/users/me']);

    // An address with a path is refused at the field before anything is sent.
    await options.field('Pipedrive domain').fill(`${wrong.url}/acme`);
    await options.testConnection();
    await expect(options.errorOf(options.field('Pipedrive domain'))).toHaveText(
      `Enter only the address of the CRM, like ${wrong.url}, without a path or anything after it.`,
    );
    expect(wrong.paths).toHaveLength(1);

    // Nothing was saved (no connection, no other new key) and what was typed is still there.
    await expect(options.connected).toHaveCount(0);
    expect(await storedKeys(serviceWorker)).toEqual(before);
    await expect(options.field('Pipedrive domain')).toHaveValue(`${wrong.url}/acme`);
    await expect(options.field('API token')).toHaveValue(PIPEDRIVE_API_TOKEN);
  } finally {
    await wrong.close();
  }
});

test('a CRM address over plain http is refused unless the CRM is on this machine', async ({
  page,
  extensionUrl,
}) => {
  const options = await OptionsPage.open(page, extensionUrl);
  await options.crm.selectOption('pipedrive');
  await options.fillConnection({
    'Pipedrive domain': 'http://acme.pipedrive.com',
    'API token': PIPEDRIVE_API_TOKEN,
  });
  await options.testConnection();
  await expect(options.errorOf(options.field('Pipedrive domain'))).toHaveText(
    'Use https://acme.pipedrive.com. Plain http:// would send your credentials unencrypted, so it works only for a CRM on this machine (localhost or 127.0.0.1).',
  );
  await options.connect();
  await expect(options.connected).toHaveCount(0);
  await expect(options.field('Pipedrive domain')).toHaveValue('http://acme.pipedrive.com');
});
