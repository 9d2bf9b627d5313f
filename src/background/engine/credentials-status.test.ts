import { beforeEach, describe, expect, it } from 'vitest';
import { connectionItem } from '@/shared/storage/keys';
import { getConnection } from './connection';
import { createContact } from './create';
import { lookupContact } from './lookup';
import {
  CONNECTION,
  found,
  httpError,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  JANE,
  connectedEngine,
} from './testing';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

const rejectedAt = async () => (await connectionItem.get())?.rejectedAt;

describe('credentials the CRM rejects', () => {
  it('a 401 on a lookup is noted on the connection, and shown in its summary', async () => {
    connector.find = () => Promise.reject(httpError(401));
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await rejectedAt()).toBe(deps.clock.now);
    expect((await getConnection(deps))?.rejectedAt).toBe(deps.clock.now);
  });

  it('other failures are not a rejection', async () => {
    for (const status of [403, 404, 429, 500]) {
      connector.find = () => Promise.reject(httpError(status));
      await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    }
    expect(await rejectedAt()).toBeUndefined();
    expect((await getConnection(deps))?.rejectedAt).toBeUndefined();
  });

  it('the next answer the CRM gives clears it (the 401 was passing)', async () => {
    connector.find = () => Promise.reject(httpError(401));
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const firstAt = deps.clock.now;
    expect(await rejectedAt()).toBe(firstAt);
    deps.clock.now += 60_000;
    // A second 401 keeps the first time: the key has been failing since then.
    await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(await rejectedAt()).toBe(firstAt);
    connector.find = () => Promise.resolve(found([JANE]));
    const result = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(result.contacts.map((c) => c.name)).toEqual([JANE.name]);
    expect(await rejectedAt()).toBeUndefined();
    expect(await connectionItem.get()).toEqual(CONNECTION);
  });

  it('a 401 on a Save is noted too, and a Save the CRM accepts clears it', async () => {
    connector.create = () => Promise.reject(httpError(401));
    const save = (requestId: string) =>
      createContact(
        { phoneNumber: NUMBER, newContactName: 'Ann Lee', newContactType: 'person', requestId },
        deps,
      );
    await expect(save('req-0001')).rejects.toThrow(/rejected the saved credentials/);
    expect(await rejectedAt()).toBe(deps.clock.now);
    connector.create = (args) =>
      Promise.resolve({ contactInfo: { id: 901, name: args.newContactName } });
    await save('req-0002');
    expect(await rejectedAt()).toBeUndefined();
  });

  it('a connection made while the request ran is left alone', async () => {
    connector.find = async () => {
      // The person reconnected with a new key while the old one was being refused.
      await connectionItem.set({ ...CONNECTION, connectedAt: 2 });
      throw httpError(401);
    };
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await connectionItem.get()).toEqual({ ...CONNECTION, connectedAt: 2 });
  });
});
