import { beforeEach, describe, expect, it } from 'vitest';
import { connectionItem, credentialsRejected } from '@/platform/storage/keys';
import { disconnect, getConnection } from '@/features/connection/worker/connect';
import { createContact } from '@/features/saves/worker/create';
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
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

const rejectedAt = async () => (await getConnection(deps))?.rejectedAt;

describe('credentials the CRM rejects', () => {
  it('a 401 on a lookup is noted on the connection, and shown in its summary', async () => {
    connector.find = () => Promise.reject(httpError(401));
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await rejectedAt()).toBe(deps.clock.now);
    // The credentials themselves are never rewritten to note it.
    expect(await connectionItem.get()).toEqual(CONNECTION);
  });

  it('other failures are not a rejection', async () => {
    for (const status of [403, 404, 429, 500]) {
      connector.find = () => Promise.reject(httpError(status));
      await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    }
    expect(await rejectedAt()).toBeUndefined();
    expect(await credentialsRejected.get()).toBeNull();
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
    expect(await credentialsRejected.get()).toBeNull();
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

  it('new credentials entered while the request ran are kept, and not said to be rejected', async () => {
    const renewed = {
      ...CONNECTION,
      credentials: { kind: 'apiToken' as const, token: 'new' },
      connectedAt: 2,
    };
    connector.find = async () => {
      // The person entered a new token while the old one was being refused.
      await connectionItem.set(renewed);
      await credentialsRejected.remove();
      throw httpError(401);
    };
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await connectionItem.get()).toEqual(renewed);
    expect(await rejectedAt()).toBeUndefined();
  });

  it('a 401 answered after Disconnect brings back no credentials', async () => {
    connector.find = async () => {
      await connectionItem.remove();
      await credentialsRejected.remove();
      throw httpError(401);
    };
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await connectionItem.get()).toBeNull();
    expect(await getConnection(deps)).toBeNull();
  });

  it('connecting again and disconnecting both forget the note', async () => {
    connector.find = () => Promise.reject(httpError(401));
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await credentialsRejected.get()).not.toBeNull();
    await disconnect();
    expect(await credentialsRejected.get()).toBeNull();
  });
});
