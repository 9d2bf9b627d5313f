import { beforeEach, describe, expect, it } from 'vitest';
import { chromeFake } from '@/test/chrome-fake';
import { matchCache } from '@/platform/storage/keys';
import { extensionNotSearched } from '@/connectors/shared/outcome';
import { lookupMany } from './lookup-many';
import {
  connect,
  connectedEngine,
  found,
  httpError,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine({ defaultCountry: 'US' }));
});

describe('lookupMany', () => {
  it('reads the cache once, fetches only misses, keys results as sent and reports bad input', async () => {
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
    // Keyed as sent, so the softphone finds each answer under its own spelling.
    expect(Object.keys(results).sort()).toEqual(
      ['+1 415 555 0101', '(415) 555-0102', '415.555.0102', 'not a number'].sort(),
    );
    expect(results['+1 415 555 0101']).toMatchObject({
      phoneNumber: '+14155550101',
      source: 'cache',
      contacts: [{ name: 'Cached' }],
    });
    for (const spelling of ['(415) 555-0102', '415.555.0102']) {
      expect(results[spelling]).toMatchObject({
        phoneNumber: '+14155550102',
        source: 'crm',
        contacts: [{ id: 2 }],
      });
    }
    expect(results['not a number']?.returnMessage?.message).toMatch(
      /does not look like a phone number/,
    );
    // Two spellings of one number: one CRM search.
    expect(connector.findCalls.map((c) => c.phoneNumber)).toEqual(['+14155550102']);
    expect(Object.values(results).some((r) => r.crmFailed)).toBe(false);
  });

  it('marks the numbers the CRM failed to answer, and only those', async () => {
    await connect({ defaultCountry: 'US', extensionLookup: false });
    connector.find = async (args) => {
      if (args.phoneNumber === '+14155550101') return found([{ id: 1, name: 'Alice' }]);
      throw httpError(503);
    };
    const results = await lookupMany(
      { phoneNumbers: ['4155550101', '+1 415-555-0102', '101', 'not a number'] },
      deps,
    );
    expect(results['4155550101']).toMatchObject({ source: 'crm', contacts: [{ name: 'Alice' }] });
    expect(results['4155550101']?.crmFailed).toBeUndefined();
    expect(results['+1 415-555-0102']).toMatchObject({
      phoneNumber: '+14155550102',
      source: 'none',
      crmFailed: true,
      returnMessage: { message: 'Pipedrive is unavailable' },
    });
    // Not asked, so nothing to ask again: an extension while extension lookup is off, and a
    // word that is not a number.
    expect(results['101']).toMatchObject({ source: 'none' });
    expect(results['101']?.crmFailed).toBeUndefined();
    expect(results['not a number']?.crmFailed).toBeUndefined();
  });

  it('does not mark a refusal or a CRM that cannot search extensions: asking again cannot help', async () => {
    await connect({ defaultCountry: 'US', extensionLookup: true });
    connector.find = async (args) => {
      if (args.isExtension) return extensionNotSearched('Pipedrive');
      throw httpError(401);
    };
    const results = await lookupMany({ phoneNumbers: ['+14155550102', '101'] }, deps);
    expect(results['+14155550102']).toMatchObject({
      source: 'none',
      crmFailure: 'refused',
      returnMessage: { messageType: 'danger' },
    });
    expect(results['+14155550102']?.crmFailed).toBeUndefined();
    expect(results['101']).toMatchObject({ source: 'none' });
    expect(results['101']?.crmFailed).toBeUndefined();
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
