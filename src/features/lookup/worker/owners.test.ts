/** Owner names: the account's users are fetched beside lookups, at most daily, never waited for. */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { until } from '@/test/settle';
import { ownerNames } from '@/platform/storage/keys';
import { clearCache } from './cache';
import { lookupContact } from './lookup';
import {
  JANE,
  NUMBER,
  connectedEngine,
  deferred,
  found,
  httpError,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;
let users: ReturnType<typeof deferred<Record<string, string>>>;
let listUsers: Mock<NonNullable<FakeConnector['listUsers']>>;
const DAY_MS = 24 * 60 * 60 * 1000;
// Each test starts days after the one before.
let today = Date.UTC(2026, 0, 1);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime((today += 10 * DAY_MS));
  ({ connector, deps } = await connectedEngine());
  users = deferred();
  listUsers = vi.fn(() => users.promise);
  connector.listUsers = listUsers;
  connector.find = () => Promise.resolve(found([{ ...JANE, ownerId: 'u1' }]));
});
afterEach(() => vi.useRealTimers());

const lookup = async (force = false) => {
  const result = await lookupContact({ phoneNumber: NUMBER, force }, deps);
  expect(result.returnMessage?.messageType).not.toBe('danger');
  return result.contacts[0];
};
const stored = () => until(async () => expect(await ownerNames.get()).not.toBeNull());

describe('contact owners', () => {
  it('answers before the users come, fetches them once, then names the owner', async () => {
    // The users not answered yet: the lookups still answer, without a name.
    expect((await lookup())?.owner).toBeUndefined();
    expect((await lookup())?.owner).toBeUndefined();
    expect((await lookup(true))?.ownerId).toBe('u1');
    expect(listUsers).toHaveBeenCalledTimes(1);

    users.resolve({ u1: 'Dana Demo' });
    await stored();
    // A cache hit keeps the owner's id, so it is named too.
    expect((await lookup())?.owner).toBe('Dana Demo');
    expect((await lookup(true))?.owner).toBe('Dana Demo');
    expect(listUsers).toHaveBeenCalledTimes(1);
  });

  it('asks for the users of an owner known already never', async () => {
    await ownerNames.set({ account: 'pipedrive:acct1', at: 0, names: { u1: 'Dana Demo' } });
    expect((await lookup())?.owner).toBe('Dana Demo');
    expect(listUsers).not.toHaveBeenCalled();
  });

  it('asks again for an unknown owner only the next day, and forgets the users with the cache', async () => {
    users.resolve({ u2: 'Sam Seller' });
    await lookup();
    await stored();
    expect((await lookup(true))?.owner).toBeUndefined();
    expect(listUsers).toHaveBeenCalledTimes(1);

    vi.setSystemTime(today + DAY_MS);
    await lookup(true);
    expect(listUsers).toHaveBeenCalledTimes(2);

    await clearCache();
    expect(await ownerNames.get()).toBeNull();
  });

  it('a refused users list (a token without the owners scope) shows no owner and no error, and is asked again only the next day', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    users.reject(httpError(403));
    expect((await lookup())?.owner).toBeUndefined();
    await stored();
    expect(await ownerNames.get()).toMatchObject({ names: {} });
    expect((await lookup(true))?.owner).toBeUndefined();
    expect(listUsers).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('never names an owner from another account', async () => {
    await ownerNames.set({ account: 'pipedrive:other', at: Date.now(), names: { u1: 'X' } });
    users.resolve({ u1: 'Dana Demo' });
    expect((await lookup())?.owner).toBeUndefined();
    expect(listUsers).toHaveBeenCalledTimes(1);
  });

  it('a clear of the cache while the users come stores none of them, and the next view asks again', async () => {
    await lookup();
    expect(listUsers).toHaveBeenCalledTimes(1);
    await clearCache();
    const first = users;
    users = deferred();
    first.resolve({ u1: 'Old Answer' });
    await first.promise;
    expect((await lookup(true))?.owner).toBeUndefined();
    expect(listUsers).toHaveBeenCalledTimes(2);
    expect(await ownerNames.get()).toBeNull();
    users.resolve({ u1: 'Dana Demo' });
    await stored();
    expect((await lookup())?.owner).toBe('Dana Demo');
  });
});
