import { beforeEach, describe, expect, it } from 'vitest';
import { settle, until } from '@/test/settle';
import { matchCache } from '@/platform/storage/keys';
import { CrmError } from '@/platform/worker/http/errors';
import { CREATED_GRACE_MS, addCreatedContact } from './cache';
import { lookupContact } from './lookup';
import type { LookupResult } from '@/platform/messages';
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

const ANN = { id: 900, name: 'Ann Lee', type: 'person', phone: NUMBER };
const names = (contacts: { name: string }[]) => contacts.map((c) => c.name).sort();
const cachedNames = async () => (await matchCache.get(KEY))?.c?.map((c) => c.n).sort();
const created = () => addCreatedContact(KEY, NUMBER, ANN, deps.clock.now);

describe('a refresh right after a create, before the CRM search returns the new contact', () => {
  it('keeps the created contact next to those the CRM returns, shown and cached', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    await created();

    const refreshed = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(names(refreshed.contacts)).toEqual(['Ann Lee', 'Jane Roe']);
    await until(async () => expect(await cachedNames()).toEqual(['Ann Lee', 'Jane Roe']));
    const hit = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(hit.source).toBe('cache');
    expect(names(hit.contacts)).toEqual(['Ann Lee', 'Jane Roe']);
    expect(connector.findCalls).toHaveLength(2);
  });

  it('keeps a contact created while the CRM was being asked', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const answer = deferred<ReturnType<typeof found>>();
    connector.find = () => answer.promise;
    const refresh = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await settle();
    await created();
    answer.resolve(found([JANE]));
    await refresh;
    await until(async () => expect(await cachedNames()).toEqual(['Ann Lee', 'Jane Roe']));
  });

  it('counts the grace from the create, not from the refreshes that kept the contact', async () => {
    connector.find = async () => found([JANE]);
    await created();
    deps.clock.now += CREATED_GRACE_MS - 30_000;
    const kept = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(names(kept.contacts)).toEqual(['Ann Lee', 'Jane Roe']);
    await until(async () => expect(await cachedNames()).toEqual(['Ann Lee', 'Jane Roe']));

    deps.clock.now += 31_000;
    const after = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(after.source).toBe('crm'); // the create's entry no longer answers for the CRM
    expect(names(after.contacts)).toEqual(['Jane Roe']);
    await until(async () => expect(await cachedNames()).toEqual(['Jane Roe']));
  });

  it('stores the CRM answer as usual once it returns the created contact', async () => {
    await created();
    connector.find = async () => found([JANE, ANN]);
    await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(async () =>
      expect(await matchCache.get(KEY)).toMatchObject({ f: Math.floor(deps.clock.now / 1000) }),
    );
    expect((await matchCache.get(KEY))?.s).toBeUndefined();
    expect(await cachedNames()).toEqual(['Ann Lee', 'Jane Roe']);
  });
});

describe('the engine around a connector lookup', () => {
  it('retries a lookup answered 429, after the wait', async () => {
    let calls = 0;
    connector.find = async () => {
      calls += 1;
      if (calls > 1) return found([JANE]);
      throw new CrmError('rateLimited', 'The CRM answered HTTP 429.', 2000);
    };
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(names(result.contacts)).toEqual(['Jane Roe']);
    expect(connector.findCalls).toHaveLength(2);
    expect(deps.slept).toEqual([2000]);
  });

  it("paces the connector's requests at its manifest's rate, on the engine's clock", async () => {
    connector.manifest = { ...connector.manifest, maxRequestsPerSecond: 2 };
    const sentAt: number[] = [];
    connector.find = async (_args, hooks) => {
      for (let i = 0; i < 5; i += 1) {
        await hooks!.pace();
        sentAt.push(deps.clock.now);
      }
      return found([JANE]);
    };
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const t0 = sentAt[0]!;
    expect(sentAt.map((t) => t - t0)).toEqual([0, 0, 1250, 1250, 2500]);
  });

  it('hands on the first contacts, provisional, then answers and caches the complete ones', async () => {
    const dates = deferred<void>();
    const undated = { ...ANN, id: 901, name: 'Zoe Ray' };
    connector.find = async (_args, hooks) => {
      hooks!.onPartial([undated, ANN]);
      await dates.promise;
      return found([
        { ...undated, createdDate: '2024-01-01T00:00:00Z' },
        { ...ANN, createdDate: '2024-02-01T00:00:00Z' },
      ]);
    };
    const firsts: LookupResult[] = [];
    const answer = lookupContact({ phoneNumber: NUMBER }, deps, (first) => firsts.push(first));
    await until(() => expect(firsts).toHaveLength(1));
    // As the CRM listed them, marked provisional, without the "no creation date" warning.
    expect(firsts[0]).toMatchObject({ provisional: true, resolution: null, returnMessage: null });
    expect(firsts[0]!.contacts.map((c) => c.name)).toEqual(['Zoe Ray', 'Ann Lee']);
    expect(await matchCache.get(KEY)).toBeUndefined();
    dates.resolve();
    const complete = await answer;
    expect(complete.provisional).toBeUndefined();
    expect(complete.resolution?.resolver).toBe('earliestCreated');
    expect(complete.contacts.map((c) => c.name)).toEqual(['Zoe Ray', 'Ann Lee']);
    await until(async () => expect(await cachedNames()).toEqual(['Ann Lee', 'Zoe Ray']));
  });

  it('hands the first contacts to a lookup that joined one already running', async () => {
    const dates = deferred<void>();
    const searched = deferred<void>();
    connector.find = async (_args, hooks) => {
      await searched.promise;
      hooks!.onPartial([ANN]);
      await dates.promise;
      return found([ANN]);
    };
    const firsts: string[] = [];
    const started = lookupContact({ phoneNumber: NUMBER }, deps);
    const joined = lookupContact({ phoneNumber: NUMBER }, deps, (f) =>
      firsts.push(f.contacts[0]!.name),
    );
    await until(() => expect(connector.findCalls).toHaveLength(1));
    await settle(); // the second lookup joins the first
    searched.resolve();
    await until(() => expect(firsts).toEqual(['Ann Lee']));
    dates.resolve();
    await Promise.all([started, joined]);
    expect(connector.findCalls).toHaveLength(1);
  });
});
