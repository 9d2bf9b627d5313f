import { beforeEach, describe, expect, it } from 'vitest';
import { settle } from '@/test/settle';
import { matchCache, saveRequests } from '@/platform/storage/keys';
import { createContact } from './create';
import { lookupContact } from '@/features/lookup/worker/lookup';
import {
  deferred,
  httpError,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  KEY,
  connectedEngine,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

const save = (extra: Partial<Parameters<typeof createContact>[0]> = {}) =>
  createContact(
    {
      phoneNumber: NUMBER,
      newContactName: '  Ann Lee ',
      newContactType: 'person',
      requestId: 'req-0001',
      ...extra,
    },
    deps,
  );

describe('createContact', () => {
  it('creates once with the trimmed name and puts the contact in the cache at once', async () => {
    await matchCache.set(KEY, {
      c: [{ i: 5, n: 'Old Friend' }],
      f: Math.floor(deps.clock.now / 1000),
    });
    const reply = await save();
    expect(connector.createCalls).toEqual([
      {
        user: expect.objectContaining({ id: 'u1', platform: 'pipedrive' }) as unknown,
        authHeader: 'Bearer secret-token-123',
        phoneNumber: NUMBER,
        newContactName: 'Ann Lee',
        newContactType: 'person',
      },
    ]);
    expect(reply.contact).toMatchObject({
      id: 900,
      name: 'Ann Lee',
      pageUrl: 'https://acme.pipedrive.com/person/900',
    });
    const next = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(connector.findCalls).toHaveLength(0);
    expect(next.contacts.map((c) => c.name).sort()).toEqual(['Ann Lee', 'Old Friend']);
  });

  it('creates once under a double submit, and returns the stored result after a restart', async () => {
    const gate = deferred<{ contactInfo: { id: number; name: string } }>();
    connector.create = () => gate.promise;
    const first = save();
    const second = save();
    await settle();
    expect((await saveRequests.get('contact:req-0001'))?.status).toBe('running');
    gate.resolve({ contactInfo: { id: 900, name: 'Ann Lee' } });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(connector.createCalls).toHaveLength(1);
    const third = await save(); // the in-memory promise is gone: the stored result answers
    expect(third).toEqual(a);
    expect(connector.createCalls).toHaveLength(1);
  });

  it('asks nothing extra on a first attempt', async () => {
    await save();
    expect(connector.findCalls).toHaveLength(0);
    expect(connector.checks).toBe(0);
    expect(connector.createCalls).toHaveLength(1);
  });

  it('validates name and type in plain words, calling no CRM', async () => {
    await expect(save({ newContactName: '   ' })).rejects.toThrow('Enter a name for the contact.');
    await expect(save({ newContactName: 'x'.repeat(256) })).rejects.toThrow(/at most 255/);
    await expect(save({ newContactType: 'robot' })).rejects.toThrow(
      'Choose a contact type: Person, Lead.',
    );
    await expect(save({ phoneNumber: 'abc' })).rejects.toThrow(/does not look like a phone number/);
    await expect(save({ requestId: '' })).rejects.toThrow(/request id/);
    expect(connector.createCalls).toHaveLength(0);
  });

  it('turns a CRM failure into a plain message and allows a retry with the same id', async () => {
    connector.create = () => Promise.reject(httpError(403));
    await expect(save()).rejects.toMatchObject({
      code: 'crm_error',
      message: expect.stringMatching(/refused access/) as unknown,
    });
    connector.create = async (args) => ({ contactInfo: { id: 902, name: args.newContactName } });
    expect((await save()).contact.id).toBe(902);
    // A refusal stored nothing: the retry found nothing to adopt, and made the contact.
    expect(connector.createCalls).toHaveLength(2);
  });
});
