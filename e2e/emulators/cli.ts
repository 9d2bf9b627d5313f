/**
 * Runs one emulator as its own process (demo, benchmarks):
 *   npx tsx e2e/emulators/cli.ts pipedrive --port 4010 [--data .demo/pipedrive.json] [--token demo-token]
 *   npx tsx e2e/emulators/cli.ts insightly --port 4020 [--data .demo/insightly.json] [--token demo-key]
 * Optional: --index-delay <ms>, --latency <ms>. Control API at <url>/__emulator/.
 */
import { parseArgs } from 'node:util';
import { startInsightly } from './insightly.ts';
import { startPipedrive } from './pipedrive.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    token: { type: 'string' },
    'index-delay': { type: 'string' },
    latency: { type: 'string' },
  },
});

const kind = positionals[0];
const port = values.port === undefined ? undefined : Number(values.port);
const indexDelayMs =
  values['index-delay'] === undefined ? undefined : Number(values['index-delay']);

async function main(): Promise<void> {
  if (kind !== 'pipedrive' && kind !== 'insightly') {
    console.error('usage: cli.ts <pipedrive|insightly> [--port N] [--data file.json] [--token T]');
    process.exit(2);
  }
  const emulator =
    kind === 'pipedrive'
      ? await startPipedrive({ port, dataFile: values.data, apiToken: values.token, indexDelayMs })
      : await startInsightly({ port, dataFile: values.data, apiKey: values.token, indexDelayMs });
  if (values.latency !== undefined) emulator.setLatency(Number(values.latency));
  console.log(`${kind} emulator listening on ${emulator.url}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${kind} emulator: ${signal}, closing`);
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
