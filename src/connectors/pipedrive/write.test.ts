import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import {
  PIPEDRIVE_PERSONS,
  PIPEDRIVE_USER,
  startPipedrive,
  type PipedriveEmulator,
} from '../../../e2e/emulators/pipedrive.ts';
import { findPipedriveContact } from './find-contact';
import { pipedrive } from './index';
import { TOKEN_AUTH, findArgs, userFor } from './test-support';

let pd: PipedriveEmulator;
beforeAll(async () => {
  pd = await startPipedrive();
});
afterAll(() => pd.close());
beforeEach(() => pd.reset());

const NEW_NUMBER = '+14155550777';
const { bob } = PIPEDRIVE_PERSONS;

describe('pipedrive createContact', () => {
  it('creates a person with exactly name and E.164 phone, then finds it', async () => {
    const result = await pipedrive.createContact({
      user: userFor(pd),
      authHeader: TOKEN_AUTH,
      phoneNumber: NEW_NUMBER,
      newContactName: '  Ada   Lovelace ',
      newContactType: 'person',
    });

    expect(result.contactInfo).toEqual({
      id: pd.data.state.nextPersonId - 1,
      name: 'Ada Lovelace',
      type: 'person',
    });
    expect(result.returnMessage).toMatchObject({
      message: 'Contact created.',
      messageType: 'success',
    });
    expect(pd.log.last({ method: 'POST', path: '/api/v2/persons' })?.body).toEqual({
      name: 'Ada Lovelace',
      phones: [{ value: NEW_NUMBER, primary: true }],
    });
    // The deprecated v1 person writes are not used.
    expect(pd.log.count({ path: /^\/v1\/persons/ })).toBe(0);
    const found = await findPipedriveContact(findArgs(pd, NEW_NUMBER));
    expect(found.matchedContactInfo?.[0]?.createdDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(found.matchedContactInfo?.[0]).toMatchObject({
      id: result.contactInfo?.id,
      createdDate: pd.data.person(Number(result.contactInfo?.id))?.add_time,
    });
  });

  it('explains an empty name or a bad number without calling Pipedrive', async () => {
    const base = { user: userFor(pd), authHeader: TOKEN_AUTH, newContactType: 'person' };
    await expect(
      pipedrive.createContact({ ...base, phoneNumber: NEW_NUMBER, newContactName: ' ' }),
    ).rejects.toThrow('Enter a name for the new contact.');
    await expect(
      pipedrive.createContact({ ...base, phoneNumber: 'abc', newContactName: 'Ada' }),
    ).rejects.toThrow(/full phone number/);
    expect(pd.log.entries).toHaveLength(0);
  });

  it('finds the person an interrupted create made before search indexes it', async () => {
    pd.data.setIndexDelay(60_000);
    const args = {
      user: userFor(pd),
      authHeader: TOKEN_AUTH,
      phoneNumber: NEW_NUMBER,
      newContactName: 'Ann  Lee',
      newContactType: 'person',
    };
    await expect(pipedrive.findCreatedContact!(args)).resolves.toBeNull();
    const first = await pipedrive.createContact(args); // its answer was lost
    await expect(
      pipedrive.findCreatedContact!({ ...args, newContactName: 'ann lee' }),
    ).resolves.toEqual({
      ...first.contactInfo,
      // When Pipedrive made it: a retry takes it for its own only if made since it began.
      createdDate: pd.data.persons().at(-1)!.add_time,
    });
    expect(pd.log.last({ path: '/api/v2/persons' })?.query).toMatchObject({
      sort_by: 'add_time',
      sort_direction: 'desc',
      owner_id: String(PIPEDRIVE_USER.id),
    });
    // Another name, or another number: not that person.
    await expect(
      pipedrive.findCreatedContact!({ ...args, newContactName: 'Ann Leigh' }),
    ).resolves.toBeNull();
    await expect(
      pipedrive.findCreatedContact!({ ...args, phoneNumber: '+14155550177' }),
    ).resolves.toBeNull();
    expect(pd.log.count({ method: 'POST', path: '/api/v2/persons' })).toBe(1);
  });

  it('throws (never reports success) when the create fails', async () => {
    pd.faults.add({ method: 'POST', path: '/api/v2/persons', kind: 'status', status: 403 });
    const error: unknown = await pipedrive
      .createContact({
        user: userFor(pd),
        authHeader: TOKEN_AUTH,
        phoneNumber: NEW_NUMBER,
        newContactName: 'Ada',
        newContactType: 'person',
      })
      .catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('forbidden');
  });
});

describe('pipedrive renameContact', () => {
  const rename = (id: string | number, newName: string) =>
    pipedrive.renameContact!({
      user: userFor(pd),
      authHeader: TOKEN_AUTH,
      contact: { id, type: 'person' },
      newName,
    });

  it('sends the name alone to PATCH /api/v2/persons/{id}, spaces collapsed', async () => {
    await rename(bob.id, '  Robert   Smith ');
    const patch = pd.log.last({ method: 'PATCH' });
    expect(patch?.path).toBe(`/api/v2/persons/${bob.id}`);
    expect(patch?.body).toEqual({ name: 'Robert Smith' });
    expect(pd.log.count({ path: /^\/v1\/persons/ })).toBe(0);
    expect(pd.data.person(bob.id)).toMatchObject({
      name: 'Robert Smith',
      phones: [expect.objectContaining({ value: bob.phone })],
    });
  });

  it('throws when Pipedrive refuses or has no such person, and for an id that is not one', async () => {
    pd.faults.add({ method: 'PATCH', kind: 'status', status: 403 });
    expect(classifyError(await rename(bob.id, 'Rob').catch((e: unknown) => e)).kind).toBe(
      'forbidden',
    );
    expect(classifyError(await rename(999, 'Rob').catch((e: unknown) => e)).kind).toBe('notFound');
    await expect(rename('../deals', 'Rob')).rejects.toThrow('is not a Pipedrive person');
    expect(pd.data.person(bob.id)?.name).toBe(bob.name);
  });
});
