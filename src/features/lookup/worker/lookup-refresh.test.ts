/**
 * A Refresh (a forced lookup) while an older lookup of the same number is still waiting on the
 * CRM: it asks the CRM itself, the older lookup takes its answer, and the older answer, when it
 * comes at last, is not cached over it.
 */
import type { FindContactResult } from '../model/contact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, until } from '@/test/settle';
import { matchCache } from '@/platform/storage/keys';
import { http } from '@/platform/worker/http/client';
import { limiterLoad } from '@/platform/worker/http/limiter';
import { lookupContact } from './lookup';
import { lookupMany } from './lookup-many';
import {
  JANE,
  JOHN,
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

/** Answers the connector's calls in order, each when the test says so. */
function answersByCall(count: number) {
  const answers = Array.from({ length: count }, () => deferred<FindContactResult>());
  let call = 0;
  connector.find = () => {
    const answer = answers[call++];
    if (!answer) throw new Error('More CRM requests than the test expected.');
    return answer.promise;
  };
  return answers as [ReturnType<typeof deferred<FindContactResult>>, ...typeof answers];
}

const names = (result: { contacts: { name: string }[] }) => result.contacts.map((c) => c.name);
const cachedNames = async () => (await matchCache.get(KEY))?.c?.map((c) => c.n) ?? null;

/** Resolves with 'pending' when `promise` has not settled once everything started has run. */
const stateOf = (promise: Promise<unknown>) =>
  Promise.race([promise.then(() => 'settled'), settle().then(() => 'pending')]);

describe('a Refresh while an older lookup of the same number hangs', () => {
  it('sends its own request and answers at once; the older lookup takes its answer', async () => {
    const [hung, fresh] = answersByCall(2);
    const older = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));

    const refresh = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(2));
    expect(connector.findCalls[1]?.isForceRefreshAccountData).toBe(true);
    fresh!.resolve(found([JANE]));

    expect(names(await refresh)).toEqual(['Jane Roe']);
    // The older lookup is not left waiting on its own request: the newer answer is its answer.
    const olderResult = await older;
    expect(olderResult).toMatchObject({ source: 'crm', contacts: [{ name: 'Jane Roe' }] });
    await until(async () => expect(await cachedNames()).toEqual(['Jane Roe']));

    hung.reject(Object.assign(new Error('timeout of 15000ms exceeded'), { code: 'ECONNABORTED' }));
    await settle();
    expect(await cachedNames()).toEqual(['Jane Roe']);
    expect(limiterLoad()).toEqual({ inFlight: 0, numbers: 0, crms: 0 });
  });

  it('keeps the Refresh answer in the cache when the older answer comes after it', async () => {
    const [older, fresh] = answersByCall(2);
    const first = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    const refresh = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(2));

    fresh!.resolve(found([JOHN]));
    await refresh;
    await until(async () => expect(await cachedNames()).toEqual(['John Roe']));
    expect(names(await first)).toEqual(['John Roe']);

    deps.clock.now += 5_000; // the older answer is stamped later, and still loses
    older.resolve(found([JANE]));
    await settle();
    expect(await cachedNames()).toEqual(['John Roe']);
    const hit = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(hit).toMatchObject({ source: 'cache', contacts: [{ name: 'John Roe' }] });
    expect(connector.findCalls).toHaveLength(2);
    expect(limiterLoad()).toEqual({ inFlight: 0, numbers: 0, crms: 0 });
  });

  it('keeps a newer "no match" over an older answer with contacts', async () => {
    const [older, fresh] = answersByCall(2);
    const first = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    const refresh = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(2));

    fresh!.resolve(found([]));
    expect(names(await refresh)).toEqual([]);
    expect(names(await first)).toEqual([]);
    await until(async () => expect(await matchCache.get(KEY)).toBeDefined());
    older.resolve(found([JANE]));
    await settle();
    expect(await matchCache.get(KEY)).toEqual({ f: Math.floor(deps.clock.now / 1000), n: 1 });
  });

  it('lets an older answer that comes first stand until the Refresh answer replaces it', async () => {
    const [older, fresh] = answersByCall(2);
    const first = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    const refresh = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(2));

    older.resolve(found([JANE]));
    expect(names(await first)).toEqual(['Jane Roe']);
    await until(async () => expect(await cachedNames()).toEqual(['Jane Roe']));
    expect(await stateOf(refresh)).toBe('pending'); // the Refresh still waits for its own

    fresh!.resolve(found([JOHN]));
    expect(names(await refresh)).toEqual(['John Roe']);
    await until(async () => expect(await cachedNames()).toEqual(['John Roe']));
  });

  it('does the same for a forced lookupMany', async () => {
    const [hung, fresh] = answersByCall(2);
    const older = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));

    const refresh = lookupMany({ phoneNumbers: [NUMBER], force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(2));
    fresh!.resolve(found([JANE]));
    expect(names((await refresh)[NUMBER]!)).toEqual(['Jane Roe']);
    expect(names(await older)).toEqual(['Jane Roe']);

    hung.resolve(found([JOHN]));
    await settle();
    expect(await cachedNames()).toEqual(['Jane Roe']);
  });
});

describe('few CRM requests around a Refresh', () => {
  it('Refreshes of the same number in flight share one request', async () => {
    const [answer] = answersByCall(1);
    const one = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    const two = lookupMany({ phoneNumbers: [NUMBER], force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    answer.resolve(found([JANE]));
    expect(names(await one)).toEqual(['Jane Roe']);
    expect(names((await two)[NUMBER]!)).toEqual(['Jane Roe']);
    expect(connector.findCalls).toHaveLength(1);
  });

  it('a lookup while a Refresh is in flight joins it instead of asking again', async () => {
    const [answer] = answersByCall(1);
    const refresh = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    const lookup = lookupContact({ phoneNumber: NUMBER }, deps);
    const many = lookupMany({ phoneNumbers: [NUMBER] }, deps);
    await settle();
    expect(connector.findCalls).toHaveLength(1);

    answer.resolve(found([JANE]));
    expect(names(await refresh)).toEqual(['Jane Roe']);
    expect(names(await lookup)).toEqual(['Jane Roe']);
    expect(names((await many)[NUMBER]!)).toEqual(['Jane Roe']);
    expect(connector.findCalls).toHaveLength(1);
  });

  it('a lookup while both an older lookup and a Refresh are in flight joins the Refresh', async () => {
    const [older, fresh] = answersByCall(2);
    const first = lookupContact({ phoneNumber: NUMBER }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(1));
    const refresh = lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    await until(() => expect(connector.findCalls).toHaveLength(2));
    const later = lookupContact({ phoneNumber: NUMBER }, deps);

    fresh!.resolve(found([JOHN]));
    expect(names(await later)).toEqual(['John Roe']);
    expect(names(await refresh)).toEqual(['John Roe']);
    expect(names(await first)).toEqual(['John Roe']);
    older.resolve(found([JANE]));
    await settle();
    expect(connector.findCalls).toHaveLength(2);
  });
});

describe('CRM requests and the browser HTTP cache', () => {
  it('go past it, so a Refresh never waits behind an identical request that hangs', async () => {
    const sent = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json({}));
    connector.find = async () => {
      await http.get('https://acme.pipedrive.com/api/v2/persons/search');
      return found([JANE]);
    };
    await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(sent.mock.calls[0]?.[1]).toMatchObject({ cache: 'no-store' });
  });
});
