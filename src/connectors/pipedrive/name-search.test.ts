import { describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import { PIPEDRIVE_PERSONS } from '../../../e2e/emulators/pipedrive.ts';
import { requestProblems } from '../../../e2e/emulators/pipedrive-spec.ts';
import { pipedrive } from './index';
import { TOKEN_AUTH, findArgs, userFor, usePipedrive } from './test-support';

const pd = usePipedrive();

const SEARCH = '/api/v2/persons/search';
const { bob, kevin, laura } = PIPEDRIVE_PERSONS;
const byName = (name: string) =>
  pipedrive.findContactWithName({ user: userFor(pd), authHeader: TOKEN_AUTH, name });
const addNumber = (contact: { id: number; name: string }, phoneNumber: string) =>
  pipedrive.addPhoneNumber({
    user: userFor(pd),
    authHeader: TOKEN_AUTH,
    contact: { ...contact, type: 'person' },
    phoneNumber,
  });

describe('pipedrive findContactWithName', () => {
  it('finds part of a name in any letter case, shaped as a lookup, in two requests', async () => {
    const result = await byName('SMI');
    expect(result).toMatchObject({ successful: true });
    expect(result.matchedContactInfo).toEqual([
      {
        id: bob.id,
        name: bob.name,
        phone: bob.phone,
        type: 'person',
        company: 'Acme Robotics',
        email: bob.email,
        createdDate: bob.addTime,
        mostRecentActivityDate: bob.addTime,
        openDeals: 1,
        ownerId: '9001',
        additionalInfo: null,
      },
    ]);
    expect(result.returnMessage).toBeUndefined();
    expect(pd.log.entries.map((e) => e.path)).toEqual([SEARCH, '/api/v2/persons']);
    expect(pd.log.last({ path: SEARCH })?.query).toMatchObject({ term: 'SMI', fields: 'name' });
    for (const entry of pd.log.entries) expect(requestProblems(entry)).toEqual([]);
  });

  it('finds accented names from lower-case accented letters', async () => {
    const result = await byName('martínez');
    expect(result.matchedContactInfo?.map((c) => c.id)).toEqual([laura.id]);
    pd.data.addPerson({ name: 'José Álvarez', phones: ['+34 600 11 22 33'] });
    const jose = await byName('josé');
    expect(jose.matchedContactInfo?.map((c) => c.name)).toEqual(['José Álvarez']);
    expect(jose.matchedContactInfo?.[0]?.phone).toBe('+34 600 11 22 33');
  });

  it('searches emails too when the term is one', async () => {
    const result = await byName(kevin.email!);
    expect(result.matchedContactInfo?.map((c) => c.id)).toEqual([kevin.id]);
    expect(pd.log.last({ path: SEARCH })?.query.fields).toBe('name,email');
  });

  it('answers no match as a success with an empty list and no placeholder, in one request', async () => {
    const result = await byName('Nobody Here');
    expect(result).toMatchObject({
      successful: true,
      matchedContactInfo: [],
      returnMessage: { message: 'No contact found with name Nobody Here', messageType: 'warning' },
    });
    expect(pd.log.entries).toHaveLength(1);
  });

  it('explains a one-letter name without asking Pipedrive', async () => {
    await expect(byName(' é ')).rejects.toThrow('Type at least 2 letters to search Pipedrive.');
    expect(pd.log.entries).toHaveLength(0);
  });

  it('throws as a lookup does when Pipedrive refuses', async () => {
    pd.faults.add({ path: SEARCH, kind: 'status', status: 401 });
    const error: unknown = await byName('Bob').catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('auth');
  });
});

describe('pipedrive addPhoneNumber', () => {
  it('adds the number after the phones the person has, which keep their primary', async () => {
    await addNumber(kevin, '+12125550199');
    const patch = pd.log.last({ method: 'PATCH' });
    expect(patch?.path).toBe(`/api/v2/persons/${kevin.id}`);
    expect(patch?.body).toEqual({
      phones: [
        { value: kevin.phone, primary: true, label: 'work' },
        { value: '+1 917-555-0148', primary: false, label: 'mobile' },
        { value: '+12125550199', primary: false },
      ],
    });
    for (const entry of pd.log.entries) expect(requestProblems(entry)).toEqual([]);
    const found = await pipedrive.findContact(findArgs(pd, '+12125550199'));
    expect(found.matchedContactInfo?.[0]?.id).toBe(kevin.id);
    expect(pd.data.person(kevin.id)?.phones.map((f) => f.value)).toHaveLength(3);
  });

  it('changes nothing when the person has the number already', async () => {
    await addNumber(bob, '+14155550102');
    expect(pd.log.find({ method: 'PATCH' })).toHaveLength(0);
  });

  it('throws when Pipedrive refuses the update, and the person keeps its phones', async () => {
    pd.faults.add({ method: 'PATCH', kind: 'status', status: 403 });
    const error: unknown = await addNumber(kevin, '+12125550199').catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('forbidden');
    expect(pd.data.person(kevin.id)?.phones).toHaveLength(2);
  });

  it('refuses a number that is not a full one, asking nothing', async () => {
    await expect(addNumber(kevin, '12')).rejects.toThrow('needs a full phone number');
    expect(pd.log.entries).toHaveLength(0);
  });
});
