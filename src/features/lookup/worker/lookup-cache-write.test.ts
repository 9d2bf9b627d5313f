import { beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, until } from '@/test/settle';
import { chromeFake } from '@/test/chrome-fake';
import { matchCache, settingsItem } from '@/platform/storage/keys';
import { disconnect } from '@/features/connection/worker/connect';
import { lookupContact } from './lookup';
import { TOUCH_INTERVAL_MS } from './cache';
import {
  JANE,
  KEY,
  NUMBER,
  connectedEngine,
  deferred,
  found,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

/** Holds every write to the local area until `release`, as Chrome does while it opens a window. */
function holdLocalWrites() {
  const local = chromeFake().local;
  const write = local.set.bind(local);
  const gate = deferred<void>();
  const held: Record<string, unknown>[] = [];
  const spy = vi.spyOn(local, 'set').mockImplementation(async (items) => {
    held.push(items);
    await gate.promise;
    return write(items);
  });
  return { held, release: () => gate.resolve(), restore: () => spy.mockRestore(), fail: gate };
}

describe('a lookup and its cache write', () => {
  it('leaves nothing in the cache when the CRM answers after a disconnect', async () => {
    const answer = deferred<ReturnType<typeof found>>();
    connector.find = () => answer.promise;
    const lookup = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    await disconnect();
    answer.resolve(found([JANE]));
    await lookup;
    await until(async () => expect(await matchCache.ids()).toEqual([]));
    // And it stays empty once every write has landed.
    await settle();
    expect(await matchCache.ids()).toEqual([]);
  });

  it('does not cache an answer searched with phone formats that changed meanwhile', async () => {
    connector.manifest = { ...connector.manifest, usesOverridingFormats: true };
    const answer = deferred<ReturnType<typeof found>>();
    connector.find = () => answer.promise;
    const lookup = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    await settingsItem.update((s) => ({ ...s, overridingFormats: ['###.###.####'] }));
    answer.resolve(found([]));
    await lookup;
    await settle();
    expect(await matchCache.ids()).toEqual([]);
    // With the formats unchanged, the next answer is kept.
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(async () => expect(await matchCache.ids()).toHaveLength(1));
  });

  it('answers as soon as the CRM does, before the cache write lands', async () => {
    connector.find = async () => found([JANE]);
    const writes = holdLocalWrites();

    const result = await lookupContact({ phoneNumber: NUMBER }, deps);

    expect(result.contacts.map((c) => c.name)).toEqual([JANE.name]);
    expect(writes.held.some((items) => Object.keys(items).some((k) => k.includes(KEY)))).toBe(true);
    expect(await matchCache.get(KEY)).toBeUndefined(); // still held
    writes.release();
    await until(async () => expect(await matchCache.get(KEY)).toBeDefined());
  });

  it('lets a lookup arriving before the write lands join the answer, not search again', async () => {
    connector.find = async () => found([JANE]);
    const writes = holdLocalWrites();

    await lookupContact({ phoneNumber: NUMBER }, deps);
    const second = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(second.contacts.map((c) => c.name)).toEqual([JANE.name]);
    expect(connector.findCalls).toHaveLength(1);

    writes.release();
    await until(async () => expect(await matchCache.get(KEY)).toBeDefined());
    const third = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(third.source).toBe('cache');
    expect(connector.findCalls).toHaveLength(1);
  });

  it('still shows the answer when the write fails, and logs the failure', async () => {
    connector.find = async () => found([JANE]);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writes = holdLocalWrites();
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    writes.fail.reject(new Error('QUOTA_BYTES quota exceeded'));

    expect(result.contacts.map((c) => c.name)).toEqual([JANE.name]);
    await until(() =>
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('caching the lookup failed')),
    );
    writes.restore();
    // Nothing was stored, so the next lookup asks the CRM again rather than showing nothing.
    const again = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(again.source).toBe('crm');
    expect(connector.findCalls).toHaveLength(2);
    logged.mockRestore();
  });

  it('answers a cache hit without waiting for its "last used" stamp', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    deps.clock.now += TOUCH_INTERVAL_MS + 1;
    const writes = holdLocalWrites();

    const hit = await lookupContact({ phoneNumber: NUMBER }, deps);

    expect(hit.source).toBe('cache');
    expect(writes.held).toHaveLength(1); // the stamp, still waiting
    writes.release();
    await until(async () => expect((await matchCache.get(KEY))?.u).toBeDefined());
  });
});
