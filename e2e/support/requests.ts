/**
 * Sends requests of the message contract from an extension page, exactly as CallPop's pages do
 * (the worker refuses anything else). Shared by the e2e tests, the demo and the benchmarks.
 */
import type { Page } from '@playwright/test';
import type { Payload, Reply, RequestName, Value } from '../../src/platform/messages';

/** The worker's reply envelope, errors included. */
export async function sendRaw<N extends RequestName>(
  page: Page,
  name: N,
  payload: Payload<N>,
): Promise<Reply<Value<N>>> {
  const reply: Reply<Value<N>> | undefined = await page.evaluate(
    ([n, p]) => chrome.runtime.sendMessage({ channel: 'callpop/v1', name: n, payload: p }),
    [name, payload] as const,
  );
  if (!reply) throw new Error(`${name}: the service worker did not answer`);
  return reply;
}

/** The reply's value; throws with the worker's plain message on an error reply. */
export async function sendRequest<N extends RequestName>(
  page: Page,
  name: N,
  payload: Payload<N>,
): Promise<Value<N>> {
  const reply = await sendRaw(page, name, payload);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.message}`);
  return reply.value;
}
