import { beforeEach, describe, expect, it } from 'vitest';
import { chromeFake } from '@/test/chrome-fake';
import { matchCache } from '@/shared/storage/keys';
import { lookupMany } from './lookup-many';
import { found, type FakeConnector, type TestDeps, connectedEngine } from './testing';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine({ defaultCountry: 'US' }));
});

describe('lookupMany', () => {
  it('reads the cache once, fetches only misses, keys results by E.164 and reports bad input', async () => {
    await matchCache.set('acct1:pipedrive:+14155550101', {
      c: [{ i: 1, n: 'Cached' }],
      f: Math.floor(deps.clock.now / 1000),
    });
    connector.find = async (args) => found([{ id: 2, name: `Fresh ${args.phoneNumber}` }]);
    let reads = 0;
    const local = chromeFake().local;
    const get = local.get.bind(local);
    local.get = (keys) => {
      if (Array.isArray(keys) && keys.some((k) => k.startsWith(matchCache.prefix))) reads += 1;
      return get(keys);
    };
    const results = await lookupMany(
      { phoneNumbers: ['+1 415 555 0101', '(415) 555-0102', '415.555.0102', 'not a number'] },
      deps,
    );
    expect(reads).toBe(1);
    expect(Object.keys(results).sort()).toEqual(['+14155550101', '+14155550102', 'not a number']);
    expect(results['+14155550101']).toMatchObject({
      source: 'cache',
      contacts: [{ name: 'Cached' }],
    });
    expect(results['+14155550102']).toMatchObject({ source: 'crm', contacts: [{ id: 2 }] });
    expect(results['not a number']?.returnMessage?.message).toMatch(
      /does not look like a phone number/,
    );
    expect(connector.findCalls.map((c) => c.phoneNumber)).toEqual(['+14155550102']);
  });

  it('refuses a payload that is not a list, or too long', async () => {
    await expect(lookupMany({ phoneNumbers: 'x' as unknown as string[] }, deps)).rejects.toThrow(
      /list of phone numbers/,
    );
    await expect(
      lookupMany({ phoneNumbers: Array(101).fill('+14155550101') as string[] }, deps),
    ).rejects.toThrow(/at most 100/);
  });
});
