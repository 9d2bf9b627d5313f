import { beforeEach, describe, expect, it } from 'vitest';
import { chromeFake } from '@/test/chrome-fake';
import { matchCache } from '@/shared/storage/keys';
import { lookupContact } from './lookup';
import {
  connect,
  deferred,
  fakeConnector,
  found,
  httpError,
  testDeps,
  type FakeConnector,
  type TestDeps,
} from './testing';

const NUMBER = '+14155550102';
const KEY = `acct1:pipedrive:${NUMBER}`;
const JANE = {
  id: 7,
  name: 'Jane Roe',
  type: 'person',
  phone: NUMBER,
  createdDate: '2024-01-01T00:00:00Z',
};
const JOHN = {
  id: 8,
  name: 'John Roe',
  type: 'person',
  phone: NUMBER,
  createdDate: '2023-06-01T00:00:00Z',
};

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  connector = fakeConnector();
  deps = testDeps(connector);
  await connect();
});

describe('lookupContact: matches', () => {
  it('calls findContact exactly per the seed signature and shows one match with its page', async () => {
    connector.find = async () => found([JANE]);
    const result = await lookupContact({ phoneNumber: '+1 (415) 555-0102' }, deps);
    expect(connector.findCalls).toEqual([
      {
        user: {
          id: 'u1',
          hostname: 'acme.pipedrive.com',
          platform: 'pipedrive',
          platformAdditionalInfo: { apiUrl: 'https://acme.pipedrive.com' },
        },
        authHeader: 'Bearer secret-token-123',
        phoneNumber: NUMBER,
        overridingFormat: '',
        isExtension: false,
        proxyConfig: null,
        tracer: null,
        isForceRefreshAccountData: false,
      },
    ]);
    expect(result).toMatchObject({
      phoneNumber: NUMBER,
      displayNumber: '+1 415 555 0102',
      source: 'crm',
      canCreate: true,
      stale: false,
      returnMessage: null,
      contactTypes: connector.manifest.contactTypes,
    });
    expect(result.contacts).toEqual([{ ...JANE, pageUrl: 'https://acme.pipedrive.com/person/7' }]);
    expect(result.resolution?.reason).toContain('Only one contact matched');
  });

  it('uses the default country and the joined overriding formats', async () => {
    await connect({
      defaultCountry: 'US',
      overridingFormats: ['(###) ###-####', '', '###.###.####'],
    });
    await lookupContact({ phoneNumber: '415 555 0102' }, deps);
    expect(connector.findCalls[0]).toMatchObject({
      phoneNumber: NUMBER,
      overridingFormat: '(###) ###-####,###.###.####',
    });
  });

  it('orders several matches by the resolver and reports why', async () => {
    connector.find = async () => found([JANE, JOHN]);
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(result.contacts.map((c) => c.id)).toEqual([8, 7]);
    expect(result.resolution).toEqual({
      resolver: 'earliestCreated',
      reason: 'Earliest created: John Roe, created 1 Jun 2023',
    });
    expect(result.returnMessage).toBeNull();
  });

  it('keeps the CRM order and warns when the resolver cannot choose', async () => {
    connector.find = async () => found([JANE, { id: 9, name: 'No Date' }]);
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(result.contacts.map((c) => c.id)).toEqual([7, 9]);
    expect(result.resolution).toBeNull();
    expect(result.returnMessage?.messageType).toBe('warning');
    expect(result.returnMessage?.message).toContain('Ask the Pipedrive connector');
  });

  it('gives the default not-found warning, naming the number and the CRM', async () => {
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(result.contacts).toEqual([]);
    expect(result.canCreate).toBe(true);
    expect(result.returnMessage).toMatchObject({
      message: 'Contact not found',
      messageType: 'warning',
      ttl: 5000,
    });
    expect(result.returnMessage?.details?.[0]?.items[0]?.text).toBe(
      'A contact with the phone number +1 415 555 0102 could not be found in your Pipedrive account.',
    );
  });

  it('passes the connector message through when it gave one for no match', async () => {
    const message = { message: 'Nothing here', messageType: 'warning' as const, ttl: 3000 };
    connector.find = async () => ({
      successful: true,
      matchedContactInfo: [],
      returnMessage: message,
    });
    expect((await lookupContact({ phoneNumber: NUMBER }, deps)).returnMessage).toEqual(message);
  });

  it('rejects bad input with the phone module message and calls no CRM', async () => {
    await expect(lookupContact({ phoneNumber: 'call me' }, deps)).rejects.toThrow(
      /does not look like a phone number/,
    );
    await expect(lookupContact({ phoneNumber: 'call me' }, deps)).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(lookupContact({ phoneNumber: '4155550102' }, deps)).rejects.toThrow(
      /set a default country in Options/,
    );
    expect(connector.findCalls).toHaveLength(0);
  });

  it('says to connect first when there is no connection', async () => {
    await chrome.storage.local.clear();
    await expect(lookupContact({ phoneNumber: NUMBER }, deps)).rejects.toMatchObject({
      code: 'not_connected',
    });
  });
});

describe('lookupContact: extensions', () => {
  it('does not call the CRM when extension lookup is off, and says why', async () => {
    const result = await lookupContact({ phoneNumber: '1234' }, deps);
    expect(connector.findCalls).toHaveLength(0);
    expect(result.returnMessage?.message).toBe('Extension numbers are not looked up');
    expect(result.source).toBe('none');
  });

  it('calls the connector with isExtension and the digits when it is on', async () => {
    await connect({ extensionLookup: true });
    connector.find = async () => found([{ id: 3, name: 'Desk' }]);
    const result = await lookupContact({ phoneNumber: '1234' }, deps);
    expect(connector.findCalls[0]).toMatchObject({ phoneNumber: '1234', isExtension: true });
    expect(result.contacts.map((c) => c.name)).toEqual(['Desk']);
  });
});

describe('lookupContact: cache', () => {
  it('serves a hit without calling the connector, and never caches the placeholder', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const stored = await matchCache.get(KEY);
    expect(JSON.stringify(stored)).not.toContain('createNewContact');
    const hit = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(1);
    expect(hit).toMatchObject({ source: 'cache', stale: false, canCreate: true });
    expect(hit.contacts).toEqual([{ ...JANE, pageUrl: 'https://acme.pipedrive.com/person/7' }]);
  });

  it('keeps a typical one-contact entry under 200 bytes including the key', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const bytes = await chromeFake().local.getBytesInUse(matchCache.keyFor(KEY));
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(200);
  });

  it('expires matches after matchTtlMinutes and no-matches after noMatchTtlMinutes', async () => {
    await connect({ cache: { matchTtlMinutes: 60, noMatchTtlMinutes: 5, maxEntries: 20_000 } });
    await lookupContact({ phoneNumber: NUMBER }, deps); // no match
    deps.clock.now += 4 * 60_000;
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(1); // no-match is cached for a short while
    deps.clock.now += 2 * 60_000;
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(2);
    deps.clock.now += 59 * 60_000;
    expect((await lookupContact({ phoneNumber: NUMBER }, deps)).source).toBe('cache');
    deps.clock.now += 2 * 60_000;
    expect((await lookupContact({ phoneNumber: NUMBER }, deps)).source).toBe('crm');
    expect(connector.findCalls).toHaveLength(3);
  });

  it('writes lastUsed at most once a minute on hits', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    let writes = 0;
    chromeFake().local.onChanged.addListener(() => (writes += 1));
    await lookupContact({ phoneNumber: NUMBER }, deps);
    deps.clock.now += 30_000;
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(writes).toBe(0);
    deps.clock.now += 31_000;
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(writes).toBe(1);
    expect((await matchCache.get(KEY))?.u).toBe(Math.floor(deps.clock.now / 1000));
  });

  it('forced refresh bypasses the cache and removes a contact deleted in the CRM', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    connector.find = async () => found([]);
    const refreshed = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(connector.findCalls.at(-1)?.isForceRefreshAccountData).toBe(true);
    expect(refreshed.contacts).toEqual([]);
    expect(refreshed.returnMessage?.message).toBe('Contact not found');
    expect((await matchCache.get(KEY))?.c).toBeUndefined();
    expect((await lookupContact({ phoneNumber: NUMBER }, deps)).contacts).toEqual([]);
  });

  it('forced refresh keeps the entry on a 500 and shows it marked stale with the error', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const before = await matchCache.get(KEY);
    connector.find = () => Promise.reject(httpError(500));
    const refreshed = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(refreshed).toMatchObject({ stale: true, source: 'cache' });
    expect(refreshed.contacts.map((c) => c.id)).toEqual([7]);
    expect(refreshed.returnMessage?.message).toContain('Pipedrive is unavailable');
    expect(await matchCache.get(KEY)).toEqual(before);
  });
});

describe('lookupContact: failures in plain words', () => {
  const cases: [string, () => Error, RegExp][] = [
    ['401', () => httpError(401), /rejected the saved credentials/],
    ['403', () => httpError(403), /refused access/],
    ['404', () => httpError(404), /domain or API URL looks wrong/],
    ['500', () => httpError(503), /is unavailable/],
    [
      'timeout',
      () => Object.assign(new Error('t'), { isAxiosError: true, code: 'ECONNABORTED' }),
      /did not answer in time/,
    ],
    [
      'network',
      () => Object.assign(new Error('n'), { isAxiosError: true, code: 'ERR_NETWORK' }),
      /Could not reach Pipedrive/,
    ],
    ['malformed', () => new SyntaxError('Unexpected token <'), /cannot read/],
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

  it('tells to reconnect in Options when credentials are rejected', async () => {
    connector.find = () => Promise.reject(httpError(401));
    const text = (await lookupContact({ phoneNumber: NUMBER }, deps)).returnMessage?.details?.[0]
      ?.items[0]?.text;
    expect(text).toContain('Reconnect Pipedrive in Options');
  });

  it('treats a connector-reported failure (successful: false) as a failure, not a no-match', async () => {
    connector.find = async () => ({ successful: false, matchedContactInfo: [] });
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(result.returnMessage?.message).not.toBe('Contact not found');
    expect(await matchCache.get(KEY)).toBeUndefined();
  });
});

describe('lookupContact: sharing and rate limits', () => {
  it('20 concurrent lookups of one number make one connector call', async () => {
    const answer = deferred<ReturnType<typeof found>>();
    connector.find = () => answer.promise;
    const lookups = Array.from({ length: 20 }, () => lookupContact({ phoneNumber: NUMBER }, deps));
    await new Promise((resolve) => setTimeout(resolve, 10));
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
      await new Promise((resolve) => setTimeout(resolve, 5));
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
