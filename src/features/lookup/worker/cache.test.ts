import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { matchCache } from '@/platform/storage/keys';
import { CREATED_GRACE_MS, addCreatedContact, cacheLimits, sweepCache } from './cache';
import { lookupContact } from './lookup';
import {
  JANE,
  KEY,
  NUMBER,
  connectedEngine,
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
const created = () => addCreatedContact(KEY, NUMBER, ANN, deps.clock.now);

describe('the entry a create writes', () => {
  it('does not outlive the "no match" it was built from: CRM contacts added meanwhile show', async () => {
    await lookupContact({ phoneNumber: NUMBER }, deps); // "no match", cached for 5 minutes
    connector.find = async () => found([JANE, ANN]); // a colleague added Jane meanwhile
    deps.clock.now += 60_000;
    await created();

    const soon = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(soon.source).toBe('cache'); // within the grace the CRM is spared
    expect(soon.contacts.map((c) => c.name)).toEqual(['Ann Lee']);

    deps.clock.now += 60 * 60_000;
    const later = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(later.source).toBe('crm');
    expect(later.contacts.map((c) => c.name).sort()).toEqual(['Ann Lee', 'Jane Roe']);
    expect(connector.findCalls).toHaveLength(2);
  });

  it('answers lookups without the CRM only through the grace', async () => {
    await created();
    deps.clock.now += CREATED_GRACE_MS - 1000;
    expect((await lookupContact({ phoneNumber: NUMBER }, deps)).source).toBe('cache');
    deps.clock.now += 1000;
    connector.find = async () => found([ANN]);
    expect((await lookupContact({ phoneNumber: NUMBER }, deps)).source).toBe('crm');
  });

  it('is kept by the sweep as long as a CRM answer, to be shown if the CRM fails', async () => {
    await created();
    const limits = cacheLimits(DEFAULT_SETTINGS);
    expect(await sweepCache(limits, deps.clock.now + 60 * 60_000)).toMatchObject({ expired: 0 });
    expect(await matchCache.get(KEY)).toBeDefined();
    expect(await sweepCache(limits, deps.clock.now + limits.matchTtlMs)).toMatchObject({
      expired: 1,
    });
  });
});
