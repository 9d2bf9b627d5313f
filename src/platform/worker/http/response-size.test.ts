import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { failureMessage } from '@/features/lookup/worker/return-messages';
import { http, MAX_RESPONSE_BYTES } from './client';
import { classifyError } from './errors';

let server: Server | null = null;

/** A CRM answering every request with a JSON string of `bytes` characters. */
async function crmAnswering(bytes: number, declareLength: boolean): Promise<string> {
  const body = `"${'x'.repeat(bytes - 2)}"`;
  server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(body.length) } : {}),
    });
    // In pieces, as a CRM streams a long answer (no length declared: chunked).
    for (let at = 0; at < body.length; at += 1 << 20) {
      response.write(body.slice(at, at + (1 << 20)));
    }
    response.end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

describe('a CRM answer larger than CallPop reads', () => {
  for (const declareLength of [true, false]) {
    it(`is refused with a plain reason (${declareLength ? 'declared' : 'streamed'} length)`, async () => {
      const url = await crmAnswering(MAX_RESPONSE_BYTES + 1024, declareLength);
      const error = await http.get(url).then(
        () => null,
        (reason: unknown) => reason,
      );
      const failure = classifyError(error);
      expect(failure.kind).toBe('tooLarge');
      expect(failureMessage(failure.kind, 'Pipedrive').message).toBe(
        'Pipedrive sent an answer too large to read',
      );
    });
  }

  it('reads an answer within the limit', async () => {
    const url = await crmAnswering(1 << 20, false);
    const response = await http.get(url);
    expect(response.data).toHaveLength((1 << 20) - 2);
  });
});
