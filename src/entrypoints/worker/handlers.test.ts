import { describe, expect, it } from 'vitest';
import { chromeFake, extensionPageSender } from '@/test/chrome-fake';
import { envelope } from '@/platform/messages';
import { matchCache, saveRequests } from '@/platform/storage/keys';
import { createMessageListener } from '@/platform/worker/listener';
import { handlers } from './handlers';

function send(message: unknown, sender = extensionPageSender()) {
  chrome.runtime.onMessage.addListener(createMessageListener(handlers));
  return chromeFake().dispatchMessage(message, sender);
}

describe('engine handlers through the message listener', () => {
  it('lists the real connectors', async () => {
    const reply = (await send(envelope('connectors.list', undefined))) as {
      ok: true;
      value: { name: string }[];
    };
    expect(reply.ok).toBe(true);
    expect(reply.value.map((c) => c.name).sort()).toEqual(['hubspot', 'insightly', 'pipedrive']);
  });

  it("reports cache stats and clears the cache, and the finished Saves' records", async () => {
    await matchCache.set('a:pipedrive:+14155550102', { f: 1 });
    await saveRequests.set('callLog:req-00001', { kind: 'callLog', startedAt: 1, status: 'done' });
    expect(await send(envelope('cache.stats', undefined))).toEqual({
      ok: true,
      value: { entries: 1 },
    });
    expect(await send(envelope('cache.clear', undefined))).toEqual({
      ok: true,
      value: { removed: 1 },
    });
    expect(await matchCache.ids()).toEqual([]);
    expect(await saveRequests.ids()).toEqual([]);
  });

  it('answers a lookup before connecting with a plain not-connected error', async () => {
    expect(await send(envelope('contact.lookup', { phoneNumber: '+14155550102' }))).toEqual({
      ok: false,
      error: { code: 'not_connected', message: 'Connect a CRM in Options first.' },
    });
  });

  it('refuses a sender from outside the extension', async () => {
    const reply = await send(envelope('cache.clear', undefined), {
      id: 'other',
      url: 'https://evil.test/',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });
});
