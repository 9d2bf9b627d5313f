import { beforeEach, describe, expect, it } from 'vitest';
import { chromeFake } from '@/test/chrome-fake';
import { matchCache } from '@/platform/storage/keys';
import { lookupContact } from './lookup';
import {
  connect,
  found,
  httpError,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  KEY,
  JANE,
  JOHN,
  connectedEngine,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

describe('lookupContact: matches', () => {
  it('calls findContact exactly per the contract signature and shows one match with its page', async () => {
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
    expect(result.contacts).toEqual([
      { ...JANE, pageUrl: 'https://acme.pipedrive.com/person/7', account: 'pipedrive:acct1' },
    ]);
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
    expect(hit.contacts).toEqual([
      { ...JANE, pageUrl: 'https://acme.pipedrive.com/person/7', account: 'pipedrive:acct1' },
    ]);
  });

  it("says the CRM's warning with its contacts again on a cache hit", async () => {
    const more = 'More than 500 Pipedrive contacts have this number; showing the first 500.';
    connector.find = async () => ({
      ...found([JANE, JOHN]),
      returnMessage: { message: more, messageType: 'warning', ttl: 5000 },
    });
    const fresh = await lookupContact({ phoneNumber: NUMBER }, deps);
    const hit = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(hit.source).toBe('cache');
    expect(connector.findCalls).toHaveLength(1);
    for (const answer of [fresh, hit]) {
      expect(answer.returnMessage).toMatchObject({ message: more, messageType: 'warning' });
    }
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
