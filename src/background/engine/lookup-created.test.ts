import { beforeEach, describe, expect, it } from 'vitest';
import { createContact } from './create';
import { lookupContact } from './lookup';
import {
  deferred,
  found,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  connectedEngine,
} from './testing';

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
    await new Promise((resolve) => setTimeout(resolve, 5));
    await create();
    answer.resolve(found([]));
    const result = await lookup;
    expect(result.contacts.map((c) => c.name)).toEqual(['Ann Lee']);
    expect(result.returnMessage?.message).not.toBe('Contact not found');
  });
});
