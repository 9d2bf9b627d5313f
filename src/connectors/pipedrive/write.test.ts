import { describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import { PIPEDRIVE_USER } from '../../../e2e/emulators/pipedrive.ts';
import { findPipedriveContact } from './find-contact';
import { pipedrive } from './index';
import { TOKEN_AUTH, findArgs, userFor, usePipedrive } from './test-support';

const pd = usePipedrive();

const NEW_NUMBER = '+14155550777';

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

  it('explains a bad number without calling Pipedrive', async () => {
    const base = { user: userFor(pd), authHeader: TOKEN_AUTH, newContactType: 'person' };
    await expect(
      pipedrive.createContact({ ...base, phoneNumber: 'abc', newContactName: 'Ada' }),
    ).rejects.toThrow(/full phone number/);
    expect(pd.log.entries).toHaveLength(0);
  });

  it("finds a Save's person before search indexes it, and removes a copy", async () => {
    pd.data.setIndexDelay(60_000);
    const args = {
      user: userFor(pd),
      authHeader: TOKEN_AUTH,
      phoneNumber: NEW_NUMBER,
      newContactName: 'Ann  Lee',
      newContactType: 'person',
    };
    const save = { kind: 'contact', args } as const;
    const check = pipedrive.saveCheck!;
    const since = Date.now();
    await expect(check.find(save, since)).resolves.toEqual([]);
    const first = await pipedrive.createContact(args); // its answer was lost
    const id = String(first.contactInfo?.id);
    await expect(
      check.find({ kind: 'contact', args: { ...args, newContactName: 'ann lee' } }, since),
    ).resolves.toEqual([id]);
    expect(pd.log.last({ path: '/api/v2/persons' })?.query).toMatchObject({
      sort_by: 'add_time',
      sort_direction: 'desc',
      owner_id: String(PIPEDRIVE_USER.id),
    });
    // Another name or number, or a person made before the Save began: not the Save's.
    const other = (change: Partial<typeof args>) =>
      ({ kind: 'contact', args: { ...args, ...change } }) as const;
    await expect(check.find(other({ newContactName: 'Ann Leigh' }), since)).resolves.toEqual([]);
    await expect(check.find(other({ phoneNumber: '+14155550177' }), since)).resolves.toEqual([]);
    await expect(check.find(save, since + 60 * 60_000)).resolves.toEqual([]);
    await check.remove(save, id);
    expect(pd.log.last({ method: 'DELETE' })?.path).toBe(`/api/v2/persons/${id}`);
    expect(pd.data.person(Number(id))).toBeUndefined();
    await expect(check.remove(save, id)).resolves.toBeUndefined();
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
