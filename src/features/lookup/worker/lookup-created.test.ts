import { beforeEach, describe, expect, it } from 'vitest';
import { settle } from '@/test/settle';
import { createContact } from '@/features/saves/worker/create';
import { lookupContact } from './lookup';
import {
  deferred,
  found,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  connectedEngine,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

const create = () =>
  createContact(
    {
      phoneNumber: NUMBER,
      newContactName: 'Ann Lee',
      newContactType: 'person',
      requestId: 'req-0201',
    },
    deps,
  );

describe('a just-created contact the CRM search has not indexed yet', () => {
  it('survives a refresh that does not find it', async () => {
    await create();
    const refreshed = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(connector.findCalls).toHaveLength(1);
    expect(refreshed.contacts.map((c) => c.name)).toEqual(['Ann Lee']);
  });

  it('is shown by a lookup that was already waiting on the CRM when it was created', async () => {
    const answer = deferred<ReturnType<typeof found>>();
    connector.find = () => answer.promise;
    const lookup = lookupContact({ phoneNumber: NUMBER }, deps); // reads the empty cache first
    await settle();
    await create();
    answer.resolve(found([]));
    const result = await lookup;
    expect(result.contacts.map((c) => c.name)).toEqual(['Ann Lee']);
    expect(result.returnMessage?.message).not.toBe('Contact not found');
  });
});

describe('a contact created on a number that has more matches than shown', () => {
  it('keeps the "more than shown" warning in the cache with the new contact', async () => {
    const more = 'More than 500 Pipedrive contacts have this number; showing the first 500.';
    connector.find = async () => ({
      ...found([{ id: 7, name: 'Jane Roe', type: 'person' }]),
      returnMessage: { message: more, messageType: 'warning', ttl: 5000 },
    });
    await lookupContact({ phoneNumber: NUMBER }, deps);
    await create();
    const hit = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(hit.source).toBe('cache');
    expect(hit.contacts.map((c) => c.name).sort()).toEqual(['Ann Lee', 'Jane Roe']);
    expect(hit.returnMessage?.message).toBe(more);
  });
});
