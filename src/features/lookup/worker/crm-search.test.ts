import { beforeEach, describe, expect, it } from 'vitest';
import { settle, until } from '@/test/settle';
import { matchCache } from '@/platform/storage/keys';
import { CrmError } from '@/platform/worker/http/errors';
import { CREATED_GRACE_MS, addCreatedContact } from './cache';
import { lookupContact } from './lookup';
import { RateLimitedPartway } from '@/connectors/shared/resumable';
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

describe('a 429 partway through a connector lookup', () => {
  it('retries only what the connector still lacks, after the wait', async () => {
    let resumed = 0;
    connector.find = async () => {
      throw new RateLimitedPartway(
        new CrmError('rateLimited', 'The CRM answered HTTP 429.', 429, 2000),
        async () => {
          resumed += 1;
          return found([JANE]);
        },
      );
    };
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(names(result.contacts)).toEqual(['Jane Roe']);
    expect(connector.findCalls).toHaveLength(1);
    expect(resumed).toBe(1);
    expect(deps.slept).toEqual([2000]);
  });
});
