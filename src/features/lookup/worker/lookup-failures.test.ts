import { beforeEach, describe, expect, it } from 'vitest';
import { settle } from '@/test/settle';
import { matchCache } from '@/platform/storage/keys';
import { lookupContact } from './lookup';
import {
  connect,
  deferred,
  found,
  httpError,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  KEY,
  JANE,
  connectedEngine,
} from '@/test/engine';
import { HttpError } from '@/platform/worker/http/client';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

describe('lookupContact: failures in plain words', () => {
  const cases: [string, () => Error, RegExp][] = [
    ['401', () => httpError(401), /rejected the saved credentials/],
    ['403', () => httpError(403), /refused access/],
    ['404', () => httpError(404), /domain or API URL looks wrong/],
    ['500', () => httpError(503), /is unavailable/],
    ['timeout', () => new HttpError('timeout', 't'), /did not answer in time/],
    ['network', () => new HttpError('network', 'n'), /Could not reach Pipedrive/],
    ['malformed', () => new HttpError('notJson', 'Unexpected token <'), /cannot read/],
  ];
  for (const [name, error, pattern] of cases) {
    it(`${name}: a distinct danger message, never "not found", cache intact`, async () => {
      await matchCache.set('acct1:pipedrive:+14155550199', { c: [{ i: 1, n: 'Other' }], f: 1 });
      connector.find = () => Promise.reject(error());
      const result = await lookupContact({ phoneNumber: NUMBER }, deps);
      expect(result.returnMessage?.message).toMatch(pattern);
      expect(result.returnMessage?.message).not.toMatch(/not found/i);
      expect(result.returnMessage?.messageType).toBe('danger');
      expect(result.source).toBe('none');
      expect(await matchCache.get(KEY)).toBeUndefined();
      expect(await matchCache.get('acct1:pipedrive:+14155550199')).toEqual({
        c: [{ i: 1, n: 'Other' }],
        f: 1,
      });
    });
  }

  it('tells to enter new credentials in Options when they are rejected', async () => {
    connector.find = () => Promise.reject(httpError(401));
    const text = (await lookupContact({ phoneNumber: NUMBER }, deps)).returnMessage?.details?.[0]
      ?.items[0]?.text;
    expect(text).toContain('enter new ones in Options');
  });

  it('treats a connector-reported failure (successful: false) as a failure, not a no-match', async () => {
    connector.find = async () => ({ successful: false, matchedContactInfo: [] });
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(result.returnMessage?.message).not.toBe('Contact not found');
    expect(await matchCache.get(KEY)).toBeUndefined();
  });

  it("shows the connector's own reason for a failure it reports, not a made-up server error", async () => {
    await connect({ extensionLookup: true });
    const why = {
      message: 'Pipedrive cannot look up internal extension numbers',
      messageType: 'warning' as const,
      ttl: 5000,
    };
    connector.find = async () => ({
      successful: false,
      matchedContactInfo: [],
      returnMessage: why,
    });
    const result = await lookupContact({ phoneNumber: '1234' }, deps);
    expect(result.returnMessage).toEqual(why);
    expect(result).toMatchObject({ contacts: [], source: 'none', canCreate: false });
  });
});

describe('lookupContact: sharing and rate limits', () => {
  it('20 concurrent lookups of one number make one connector call', async () => {
    const answer = deferred<ReturnType<typeof found>>();
    connector.find = () => answer.promise;
    const lookups = Array.from({ length: 20 }, () => lookupContact({ phoneNumber: NUMBER }, deps));
    await settle();
    answer.resolve(found([JANE]));
    const results = await Promise.all(lookups);
    expect(connector.findCalls).toHaveLength(1);
    expect(results.every((r) => r.contacts[0]?.id === 7)).toBe(true);
  });

  it('runs at most 4 CRM requests at once for different numbers', async () => {
    let active = 0;
    let peak = 0;
    const gates: (() => void)[] = [];
    connector.find = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise<void>((resolve) => gates.push(resolve));
      active -= 1;
      return found([]);
    };
    const lookups = Array.from({ length: 10 }, (_, i) =>
      lookupContact({ phoneNumber: `+1415555011${i}` }, deps),
    );
    for (let round = 0; round < 20 && connector.findCalls.length < 10; round += 1) {
      await settle();
      gates.splice(0).forEach((open) => open());
    }
    await Promise.all(lookups);
    expect(connector.findCalls).toHaveLength(10);
    expect(peak).toBe(4);
  });

  it('waits for Retry-After after a 429 and then succeeds', async () => {
    let calls = 0;
    connector.find = async () => {
      calls += 1;
      if (calls === 1) throw httpError(429, { 'retry-after': '2' });
      return found([JANE]);
    };
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(deps.slept).toEqual([2000]);
    expect(result.contacts.map((c) => c.id)).toEqual([7]);
  });

  it('gives up after the deadline: stale cached match if any, else the rate-limit message', async () => {
    connector.find = () => Promise.reject(httpError(429, { 'retry-after': '4' }));
    const none = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(none.returnMessage?.message).toBe('Pipedrive is rate limiting CallPop');
    expect(deps.slept).toEqual([4000, 4000]); // a third wait would pass the 10 s deadline
    await matchCache.set(KEY, {
      c: [{ i: 7, n: 'Jane Roe' }],
      f: Math.floor(deps.clock.now / 1000),
    });
    const stale = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(stale).toMatchObject({ stale: true, source: 'cache' });
    expect(stale.returnMessage?.message).toContain('rate limiting');
  });
});
