/** Owner names: the account's users are fetched beside lookups, once, and never waited for. */
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { until } from '@/test/settle';
import { ownerNamesItem } from '@/platform/storage/keys';
import { clearCache } from './cache';
import { lookupContact } from './lookup';
import {
  JANE,
  NUMBER,
  connectedEngine,
  deferred,
  found,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;
let users: ReturnType<typeof deferred<Record<string, string>>>;
let listUsers: Mock<NonNullable<FakeConnector['listUsers']>>;
const DAY_MS = 24 * 60 * 60 * 1000;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
  users = deferred();
  listUsers = vi.fn(() => users.promise);
  connector.listUsers = listUsers;
  connector.find = () => Promise.resolve(found([{ ...JANE, ownerId: 'u1' }]));
});

const lookup = async (force = false) =>
  (await lookupContact({ phoneNumber: NUMBER, force }, deps)).contacts[0];

describe('contact owners', () => {
  it('answers before the users come, fetches them once, then names the owner', async () => {
    // The users never answered yet: the lookups still answer, without a name.
    expect((await lookup())?.owner).toBeUndefined();
    expect((await lookup())?.owner).toBeUndefined();
    expect((await lookup(true))?.ownerId).toBe('u1');
    expect(listUsers).toHaveBeenCalledTimes(1);

    users.resolve({ u1: 'Dana Demo' });
    await until(async () => expect(await ownerNamesItem.get()).not.toBeNull());
    // A cache hit keeps the owner's id, so it is named too.
    expect((await lookup())?.owner).toBe('Dana Demo');
    expect((await lookup(true))?.owner).toBe('Dana Demo');
    expect(listUsers).toHaveBeenCalledTimes(1);
  });

  it('asks again for an unknown owner only the next day, and forgets the users with the cache', async () => {
    users.resolve({ u2: 'Sam Seller' });
    await lookup();
    await until(async () => expect(await ownerNamesItem.get()).not.toBeNull());
    expect((await lookup(true))?.owner).toBeUndefined();
    expect(listUsers).toHaveBeenCalledTimes(1);

    deps.clock.now += DAY_MS;
    await lookup(true);
    expect(listUsers).toHaveBeenCalledTimes(2);

    await clearCache();
    expect(await ownerNamesItem.get()).toBeNull();
  });

  it('never names an owner from another account', async () => {
    await ownerNamesItem.set({ account: 'pipedrive:other', at: deps.now(), names: { u1: 'X' } });
    users.resolve({ u1: 'Dana Demo' });
    expect((await lookup())?.owner).toBeUndefined();
    expect(listUsers).toHaveBeenCalledTimes(1);
  });
});
