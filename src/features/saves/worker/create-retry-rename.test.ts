/**
 * A retried create after the person corrected the name: the contact an earlier attempt of the
 * same Save made (under the old name) is found and renamed, never duplicated. Real connectors
 * against the CRM emulators.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { insightly } from '@/connectors/insightly';
import { pipedrive } from '@/connectors/pipedrive';
import type { Connector } from '@/connectors/types';
import type { CallLogRequest, CreateContactRequest } from '@/platform/messages';
import { saveRequests } from '@/platform/storage/keys';
import type { InsightlyEmulator } from '../../../../e2e/emulators/insightly.ts';
import type { PipedriveEmulator } from '../../../../e2e/emulators/pipedrive.ts';
import { loadAccount } from '@/features/lookup/worker/account';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { call } from '@/test/engine-logs';
import type { EngineDeps } from '@/connectors/deps';
import { lookupContact } from '@/features/lookup/worker/lookup';
import {
  connectInsightly as connectInsightlyTo,
  connectPipedrive as connectPipedriveTo,
  depsFor,
  emulatedCrms,
} from '@/test/engine-crms';

const NEW = '+14155550777';
const TIMED_OUT = 'may or may not have been saved';
const RENAME_PERSON = { method: 'PATCH', path: /^\/api\/v2\/persons\/\d+$/ };

const crms = emulatedCrms();
let pd: PipedriveEmulator;
let is: InsightlyEmulator;
beforeAll(() => {
  ({ pd, is } = crms);
});

const connectPipedrive = () => connectPipedriveTo(pd, { requestTimeoutSeconds: 3 });
const connectInsightly = () => connectInsightlyTo(is, { requestTimeoutSeconds: 3 });

const personsAt = (phone: string) =>
  pd.data.persons().filter((p) => p.phones.some((f) => f.value === phone));

const create = (name: string, type = 'person'): CreateContactRequest => ({
  requestId: 'req-rename-0001',
  phoneNumber: NEW,
  newContactName: name,
  newContactType: type,
});

/**
 * The first attempt of a Save as the engine leaves it when the worker stopped after sending the
 * create: its attempt recorded, its record still "running", the contact made in the CRM.
 */
async function interruptedCreate(
  request: CreateContactRequest,
  connector: Connector,
  deps: EngineDeps,
  kind: 'contact' | 'callLog' = 'contact',
) {
  await saveRequests.set(`${kind}:${request.requestId}`, {
    kind,
    startedAt: Date.now(),
    status: 'running',
    createAttempts: [
      { name: request.newContactName, type: request.newContactType, at: Date.now() },
    ],
  });
  const { user, authHeader } = await loadAccount(deps);
  return connector.createContact({ ...request, user, authHeader });
}

describe('Pipedrive: a retry after the name was corrected renames, never duplicates', () => {
  it('the tester scenario: a create that timed out as "Jon Smith", saved again as "John Smith"', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    expect((await lookupContact({ phoneNumber: NEW }, deps)).contacts).toEqual([]);
    // Pipedrive stores the person but answers after CallPop has given up.
    pd.faults.add({ method: 'POST', path: '/api/v2/persons', kind: 'delay', delayMs: 4_000 });
    await expect(createContact(create('Jon Smith'), deps)).rejects.toThrow(TIMED_OUT);
    await vi.waitFor(() => expect(personsAt(NEW)).toHaveLength(1), { timeout: 3_000 });

    const reply = await createContact(create('John Smith'), deps);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'John Smith' })]);
    expect(pd.log.count({ method: 'POST', path: '/api/v2/persons' })).toBe(1);
    expect(pd.log.last(RENAME_PERSON)?.body).toEqual({ name: 'John Smith' });
    expect(reply.contact).toMatchObject({ id: personsAt(NEW)[0]?.id, name: 'John Smith' });
    expect(reply.returnMessage).toMatchObject({ messageType: 'success' });
    // The cache has the final name, so the next lookup shows it.
    const after = await lookupContact({ phoneNumber: NEW }, deps);
    expect(after.source).toBe('cache');
    expect(after.contacts.map((c) => c.name)).toEqual(['John Smith']);
  }, 15_000);

  it('found among the newest persons when the search has not indexed it yet', async () => {
    await connectPipedrive();
    pd.data.setIndexDelay(60_000);
    const deps = depsFor(pipedrive);
    await interruptedCreate(create('Jon Smith'), pipedrive, deps);
    const reply = await createContact(create('John  Smith'), deps);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'John Smith' })]);
    expect(reply.contact.name).toBe('John Smith');
    expect(pd.log.count({ method: 'POST', path: '/api/v2/persons' })).toBe(1);
  });

  it('every name an attempt used is looked for, not only the last one', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    await interruptedCreate(create('Jon Smith'), pipedrive, deps);
    // A second attempt, as "Jonny Smith", stopped before it reached Pipedrive.
    const key = `contact:${create('').requestId}`;
    const record = (await saveRequests.get(key))!;
    await saveRequests.set(key, {
      ...record,
      createAttempts: [
        ...record.createAttempts!,
        { name: 'Jonny Smith', type: 'person', at: Date.now() },
      ],
    });
    await createContact(create('John Smith'), deps);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'John Smith' })]);
  });

  it('a person already there under an earlier name is someone else: never renamed', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    // Pipedrive has had a "Jon Smith" at this number for a year; this Save's first attempt,
    // also "Jon Smith", never reached Pipedrive.
    const theirs = pd.data.addPerson({
      name: 'Jon Smith',
      phones: [NEW],
      add_time: new Date(Date.now() - 365 * 86_400_000).toISOString(),
    });
    await saveRequests.set(`contact:${create('').requestId}`, {
      kind: 'contact',
      startedAt: Date.now(),
      status: 'running',
      createAttempts: [{ name: 'Jon Smith', type: 'person', at: Date.now() }],
    });
    const reply = await createContact(create('John Smith'), deps);
    expect(pd.data.persons().find((p) => p.id === theirs.id)?.name).toBe('Jon Smith');
    expect(pd.log.count(RENAME_PERSON)).toBe(0);
    expect(reply.contact).toMatchObject({ name: 'John Smith' });
    expect(reply.contact.id).not.toBe(theirs.id);
  });

  it("someone's own contact matching the name in another letter case is taken as is, never renamed", async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    const theirs = pd.data.addPerson({
      name: 'ANN LEE',
      phones: [NEW],
      add_time: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    });
    await saveRequests.set(`contact:${create('').requestId}`, {
      kind: 'contact',
      startedAt: Date.now(),
      status: 'running',
      createAttempts: [{ name: 'Ann Lee', type: 'person', at: Date.now() }],
    });
    const reply = await createContact(create('Ann Lee'), deps);
    expect(reply.contact.id).toBe(theirs.id);
    expect(pd.data.persons().find((p) => p.id === theirs.id)?.name).toBe('ANN LEE');
    expect(pd.log.count(RENAME_PERSON)).toBe(0);
    expect(pd.log.count({ method: 'POST', path: '/api/v2/persons' })).toBe(0);
  });

  it('a rename Pipedrive refuses keeps the contact under the earlier name, and says so', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    const earlier = await interruptedCreate(create('Jon Smith'), pipedrive, deps);
    pd.faults.add({ ...RENAME_PERSON, kind: 'status', status: 403 });
    const reply = await createContact(create('John Smith'), deps);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'Jon Smith' })]);
    expect(reply.contact).toMatchObject({ id: earlier.contactInfo?.id, name: 'Jon Smith' });
    expect(reply.returnMessage).toEqual({
      message:
        'The contact was saved under the earlier name "Jon Smith", and CallPop could not rename it to "John Smith": rename it in Pipedrive.',
      messageType: 'warning',
      ttl: 8000,
    });
    const after = await lookupContact({ phoneNumber: NEW }, deps);
    expect(after.contacts.map((c) => c.name)).toEqual(['Jon Smith']);
  });

  it('a connector that cannot rename gives the same warning, and no second contact', async () => {
    const noRename: Connector = { ...pipedrive, renameContact: undefined };
    await connectPipedrive();
    const deps = depsFor(noRename);
    await interruptedCreate(create('Jon Smith'), noRename, deps);
    const reply = await createContact(create('John Smith'), deps);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'Jon Smith' })]);
    expect(reply.returnMessage?.message).toContain('rename it in Pipedrive');
    expect(pd.log.count({ method: 'PATCH' })).toBe(0);
  });
});

describe('Insightly: a retry after the name was corrected renames, never duplicates', () => {
  const records = () => [
    ...is.data.contacts().filter((c) => c.PHONE === NEW),
    ...is.data.leads().filter((l) => l.PHONE === NEW),
  ];

  it('a contact that timed out as "Jon Smith" becomes "John Smith"', async () => {
    await connectInsightly();
    const deps = depsFor(insightly);
    is.faults.add({ method: 'POST', path: /\/Contacts$/, kind: 'delay', delayMs: 4_000 });
    await expect(createContact(create('Jon Smith', 'Contact'), deps)).rejects.toThrow(TIMED_OUT);
    await vi.waitFor(() => expect(records()).toHaveLength(1), { timeout: 3_000 });

    const reply = await createContact(create('John Smith', 'Contact'), deps);
    expect(records()).toEqual([
      expect.objectContaining({
        FIRST_NAME: 'John',
        LAST_NAME: 'Smith',
        CONTACT_ID: reply.contact.id,
      }),
    ]);
    expect(is.log.count({ method: 'POST', path: /\/Contacts$/ })).toBe(1);
    expect(is.log.last({ method: 'PUT' })?.body).toEqual({
      CONTACT_ID: reply.contact.id,
      FIRST_NAME: 'John',
      LAST_NAME: 'Smith',
    });
    expect(reply.contact.name).toBe('John Smith');
  }, 15_000);

  it('a lead renamed to one word loses the first name the earlier attempt gave it', async () => {
    await connectInsightly();
    const deps = depsFor(insightly);
    await interruptedCreate(create('Jon Smith', 'Lead'), insightly, deps);
    const reply = await createContact(create('Smithson', 'Lead'), deps);
    expect(records()).toEqual([
      expect.objectContaining({
        FIRST_NAME: null,
        LAST_NAME: 'Smithson',
        LEAD_ID: reply.contact.id,
      }),
    ]);
    expect(reply.contact).toMatchObject({ name: 'Smithson', type: 'Lead' });
  });

  it('a rename Insightly refuses keeps the earlier name, with a warning', async () => {
    await connectInsightly();
    const deps = depsFor(insightly);
    await interruptedCreate(create('Jon Smith', 'Contact'), insightly, deps);
    is.faults.add({ method: 'PUT', path: /\/Contacts$/, kind: 'status', status: 403 });
    const reply = await createContact(create('John Smith', 'Contact'), deps);
    expect(records()).toEqual([expect.objectContaining({ FIRST_NAME: 'Jon' })]);
    expect(reply.contact.name).toBe('Jon Smith');
    expect(reply.returnMessage).toMatchObject({
      messageType: 'warning',
      message: expect.stringContaining('saved under the earlier name "Jon Smith"') as unknown,
    });
  });

  it('a type changed since is said: the earlier lead is kept, renamed', async () => {
    await connectInsightly();
    const deps = depsFor(insightly);
    await interruptedCreate(create('Jon Smith', 'Lead'), insightly, deps);
    const reply = await createContact(create('John Smith', 'Contact'), deps);
    expect(records()).toEqual([
      expect.objectContaining({ FIRST_NAME: 'John', LEAD_ID: reply.contact.id }),
    ]);
    expect(reply.contact.type).toBe('Lead');
    expect(reply.returnMessage).toEqual({
      message:
        'An earlier attempt of this Save made it a Lead, not a Contact: change it in Insightly if needed.',
      messageType: 'warning',
      ttl: 8000,
    });
  });
});

describe('a call-log Save that creates its contact keeps the corrected name', () => {
  const logNew = (name: string): CallLogRequest => ({
    ...call(NEW, { kind: 'new', name, type: 'person' }),
    requestId: 'log-rename-0001',
  });

  it('Pipedrive: a create that timed out as "Jon Smith", logged again as "John Smith"', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    pd.faults.add({ method: 'POST', path: '/api/v2/persons', kind: 'delay', delayMs: 4_000 });
    await expect(createCallLog(logNew('Jon Smith'), deps)).rejects.toThrow(TIMED_OUT);
    await vi.waitFor(() => expect(personsAt(NEW)).toHaveLength(1), { timeout: 3_000 });

    const reply = await createCallLog(logNew('John Smith'), deps);
    const [person] = personsAt(NEW);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'John Smith' })]);
    expect(pd.data.callLogs()).toEqual([expect.objectContaining({ person_id: person?.id })]);
    expect(reply.contact).toMatchObject({ id: person?.id, name: 'John Smith' });
    expect(reply.returnMessage).toMatchObject({ message: 'Call logged.' });
  }, 15_000);

  it('Pipedrive: a contact the earlier attempt recorded, then renamed as corrected', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    const request = logNew('Jon Smith');
    const created = await interruptedCreate(
      { ...create('Jon Smith'), requestId: request.requestId },
      pipedrive,
      deps,
      'callLog',
    );
    const key = `callLog:${request.requestId}`;
    await saveRequests.set(key, {
      ...(await saveRequests.get(key))!,
      createdContact: { id: created.contactInfo!.id, name: 'Jon Smith', type: 'person' },
    });
    const reply = await createCallLog(logNew('John Smith'), deps);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'John Smith' })]);
    expect(reply.contact.name).toBe('John Smith');
    expect(pd.data.callLogs()).toHaveLength(1);
    expect((await saveRequests.get(key))?.createdContact?.name).toBe('John Smith');
  });

  it('Pipedrive: a refused rename logs the call anyway and says the earlier name', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    const request = logNew('Jon Smith');
    await interruptedCreate(
      { ...create('Jon Smith'), requestId: request.requestId },
      pipedrive,
      deps,
      'callLog',
    );
    pd.faults.add({ ...RENAME_PERSON, kind: 'status', status: 403 });
    const reply = await createCallLog(logNew('John Smith'), deps);
    expect(personsAt(NEW)).toEqual([expect.objectContaining({ name: 'Jon Smith' })]);
    expect(pd.data.callLogs()).toHaveLength(1);
    expect(reply.returnMessage).toEqual({
      message:
        'Call logged. The contact was saved under the earlier name "Jon Smith", and CallPop could not rename it to "John Smith": rename it in Pipedrive.',
      messageType: 'warning',
      ttl: 8000,
    });
  });
});
