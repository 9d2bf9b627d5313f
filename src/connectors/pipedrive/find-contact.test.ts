import { describe, expect, it, vi } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import { CREATE_NEW_CONTACT } from '@/features/lookup/model/contact';
import {
  PIPEDRIVE_COLLEAGUE,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_OAUTH_TOKEN,
  PIPEDRIVE_ORGS,
  PIPEDRIVE_PERSONS,
  PIPEDRIVE_USER,
} from '../../../e2e/emulators/pipedrive.ts';
import { FAULT_CASES, withTimeout } from '@/test/fault-cases';
import { pipedriveAuthHeader } from './auth';
import { findPipedriveContact, SEARCH_LIMIT } from './find-contact';
import { pipedrive } from './index';
import { findArgs, TOKEN_AUTH, usePipedrive, userFor } from './test-support';

const pd = usePipedrive();

const SEARCH = '/api/v2/persons/search';
const PERSONS = '/api/v2/persons';
const { bob, erin, frank, grace, ivy } = PIPEDRIVE_PERSONS;

describe('pipedrive findContact', () => {
  it('maps one match with its creation time, company and email, then the placeholder', async () => {
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.bob));

    expect(result.successful).toBe(true);
    expect(result.matchedContactInfo).toEqual([
      {
        id: bob.id,
        name: bob.name,
        phone: PIPEDRIVE_NUMBERS.bob,
        type: 'person',
        company: PIPEDRIVE_ORGS.acme.name,
        email: bob.email,
        createdDate: bob.addTime,
        mostRecentActivityDate: bob.addTime,
        openDeals: 1,
        ownerId: '9001',
        additionalInfo: null,
      },
      CREATE_NEW_CONTACT,
    ]);
    // The open deals count comes with the persons request: still two requests in all.
    expect(pd.log.last({ path: PERSONS })?.query.include_fields).toBe('open_deals_count');
    expect(pd.log.entries).toHaveLength(2);
    const search = pd.log.last({ path: SEARCH });
    expect(search?.query).toMatchObject({ term: '4155550102', fields: 'phone' });
    expect(search?.headers['x-api-token']).toBeDefined();
    expect(pd.log.last({ path: PERSONS })?.query.ids).toBe(String(bob.id));
    // The token travels only in its header.
    for (const entry of pd.log.entries) expect(JSON.stringify(entry.query)).not.toContain('token');
    expect(result).toMatchObject({ extraDataTracking: { ratelimitAmount: '80' } });
  });

  it("shows the person's primary email, though the search lists another first", async () => {
    const person = pd.data.addPerson({
      name: 'Pat Two-Mails',
      phones: ['+14155550888'],
      emails: [
        { value: 'old@example.test', primary: false },
        { value: 'pat@example.test', primary: true },
      ],
      add_time: '2024-01-01T00:00:00Z',
    });
    const result = await findPipedriveContact(findArgs(pd, '+14155550888'));
    expect(result.matchedContactInfo?.[0]).toMatchObject({
      id: person.id,
      email: 'pat@example.test',
    });
  });

  it('finds numbers stored in any format with one search and one batched persons request', async () => {
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.multiFormat));

    const real = result.matchedContactInfo?.filter((c) => !c.isNewContact) ?? [];
    expect(real.map((c) => c.id).sort()).toEqual([erin.id, frank.id, grace.id]);
    expect(real.map((c) => c.createdDate).sort()).toEqual(
      [erin.addTime, frank.addTime, grace.addTime].sort(),
    );
    expect(pd.log.count({ path: SEARCH })).toBe(1);
    const batches = pd.log.find({ path: PERSONS });
    expect(batches).toHaveLength(1);
    expect(batches[0]?.query.ids?.split(',').map(Number).sort()).toEqual([5, 6, 7]);
    // Deals and leads belong to the log form, not to the pop.
    expect(pd.log.entries.map((e) => e.path)).toEqual([SEARCH, PERSONS]);
  });

  it('leaves out people whose numbers only contain these digits, in another country', async () => {
    // Search matches digits anywhere: London's 20 7946 0958 is inside Maine's +1 207 946 0958.
    const maine = pd.data.addPerson({ name: 'Maine Office', phones: ['+1 207-946-0958'] });
    const london = pd.data.addPerson({ name: 'London Office', phones: ['+44 20 7946 0958'] });
    const local = pd.data.addPerson({ name: 'No Country Code', phones: ['020 7946 0958'] });
    const both = pd.data.addPerson({
      name: 'Two Offices',
      phones: ['+1 207 946 0958', '+44 (0)20 7946 0958'],
    });
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.uk));
    const real = result.matchedContactInfo?.filter((c) => !c.isNewContact) ?? [];
    const ids = real.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([london.id, local.id, both.id]));
    expect(ids).not.toContain(maine.id);
    // The seeded UK contact is on this number too; nobody else is.
    expect(ids).toHaveLength(4);
    expect(pd.log.find({ path: SEARCH })[0]?.query.term).toBe('2079460958');
    // Looked up the other way, the Maine office is the match and London is left out.
    const other = await findPipedriveContact(findArgs(pd, '+12079460958'));
    const names = (other.matchedContactInfo ?? [])
      .filter((c) => !c.isNewContact)
      .map((c) => c.name);
    expect(names).toContain(maine.name);
    expect(names).not.toContain(london.name);
  });

  /** `count` people sharing one main line, stored as Pipedrive users type it. */
  function shareOneNumber(count: number): string {
    for (let i = 0; i < count; i += 1) {
      pd.data.addPerson({ name: `Staff ${i + 1}`, phones: ['+1 (628) 555-0170'] });
    }
    return '+16285550170';
  }

  it('finds all 100 people on one number: one search, then one persons request', async () => {
    const result = await findPipedriveContact(findArgs(pd, shareOneNumber(100)));

    const real = result.matchedContactInfo?.filter((c) => !c.isNewContact) ?? [];
    expect(real).toHaveLength(100);
    expect(new Set(real.map((c) => c.id)).size).toBe(100);
    expect(real.every((c) => typeof c.createdDate === 'string')).toBe(true);
    expect(pd.log.count({ path: SEARCH })).toBe(1);
    expect(pd.log.find({ path: PERSONS }).map((e) => e.query.ids?.split(',').length)).toEqual([
      100,
    ]);
    expect(result.returnMessage).toBeUndefined();
  });

  it('hands on the names after the search, before the persons request is answered', async () => {
    pd.faults.add({ path: PERSONS, kind: 'hold' });
    const partials: { name: string; createdDate?: unknown }[][] = [];
    let paced = 0;
    const hooks = {
      pace: () => Promise.resolve(void (paced += 1)),
      onPartial: (contacts: { name: string }[]) => partials.push(contacts),
    };
    const found = findPipedriveContact(findArgs(pd, shareOneNumber(2)), hooks);
    await vi.waitFor(() => expect(pd.held()).toBe(1), { timeout: 10_000 });
    expect(partials).toHaveLength(1);
    expect(partials[0]).toHaveLength(2);
    expect(partials[0]!.every((c) => c.createdDate === undefined)).toBe(true);
    pd.release();
    const real = (await found).matchedContactInfo?.filter((c) => !c.isNewContact) ?? [];
    expect(real.every((c) => typeof c.createdDate === 'string')).toBe(true);
    expect(paced).toBe(2);
    expect(partials).toHaveLength(1);
  });

  it('shows the first 100 of more, and says there are more, still in two requests', async () => {
    const result = await findPipedriveContact(findArgs(pd, shareOneNumber(130)));

    const real = result.matchedContactInfo?.filter((c) => !c.isNewContact) ?? [];
    expect(real).toHaveLength(100);
    expect(result.matchedContactInfo?.at(-1)).toEqual(CREATE_NEW_CONTACT);
    expect(result.returnMessage).toMatchObject({
      messageType: 'warning',
      message: 'More than 100 Pipedrive contacts have this number; showing the first 100.',
    });
    expect(pd.log.count({ path: SEARCH })).toBe(1);
    expect(pd.log.count({ path: PERSONS })).toBe(1);
  });

  it('returns only the placeholder for an unknown number, after a single request', async () => {
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.unknown));

    expect(result).toMatchObject({ successful: true, matchedContactInfo: [CREATE_NEW_CONTACT] });
    expect(pd.log.entries).toHaveLength(1);
  });

  it('leaves createdDate out when Pipedrive has no add_time', async () => {
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.noAddTime));

    const [contact] = result.matchedContactInfo ?? [];
    expect(contact?.id).toBe(ivy.id);
    expect(contact).not.toHaveProperty('createdDate');
  });

  it('returns a found-but-newly-deleted person without dates instead of dropping it', async () => {
    pd.faults.add({
      path: PERSONS,
      kind: 'status',
      status: 200,
      body: { success: true, data: [] },
    });
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.bob));

    const [contact] = result.matchedContactInfo ?? [];
    // The email comes from the search item's documented `emails` list.
    expect(contact).toMatchObject({ id: bob.id, name: bob.name, email: bob.email });
    expect(contact).not.toHaveProperty('createdDate');
  });

  it('asks nothing of the CRM for an extension number', async () => {
    const result = await findPipedriveContact({ ...findArgs(pd, '101'), isExtension: true });

    expect(result).toMatchObject({ successful: false, matchedContactInfo: [] });
    expect(result.returnMessage?.message).toBe(
      'Pipedrive cannot look up internal extension numbers',
    );
    expect(pd.log.entries).toHaveLength(0);
  });

  it('signs in with an OAuth bearer token', async () => {
    const authHeader = pipedriveAuthHeader({ kind: 'oauth', accessToken: PIPEDRIVE_OAUTH_TOKEN });
    const result = await findPipedriveContact({
      ...findArgs(pd, PIPEDRIVE_NUMBERS.bob),
      authHeader,
    });

    expect(result.matchedContactInfo?.[0]?.id).toBe(bob.id);
    expect(pd.log.last({ path: SEARCH })?.headers.authorization).toBe(
      `Bearer ${PIPEDRIVE_OAUTH_TOKEN}`,
    );
  });

  it('throws auth for a wrong token', async () => {
    const authHeader = pipedriveAuthHeader({ kind: 'apiToken', token: 'wrong' });
    const error: unknown = await findPipedriveContact({
      ...findArgs(pd, PIPEDRIVE_NUMBERS.bob),
      authHeader,
    }).catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('auth');
  });

  describe.each(FAULT_CASES)('fault $name', ({ fault, kind, timeoutMs }) => {
    it.each([SEARCH, PERSONS])(`on %s throws and classifies as ${kind}`, async (path) => {
      pd.faults.add({ ...fault, path });
      const error: unknown = await withTimeout(timeoutMs, () =>
        findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.bob)),
      ).then(
        (result) => ({ unexpectedResult: result }),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(classifyError(error).kind).toBe(kind);
    });
  });

  it('reads no more than the 100 results it asked for, however many a search answer holds', async () => {
    const items = Array.from({ length: 5_000 }, (_, index) => ({
      item: { id: index + 1, name: `Person ${index + 1}` },
    }));
    pd.faults.add({
      path: SEARCH,
      kind: 'status',
      status: 200,
      body: { success: true, data: { items } },
    });
    pd.faults.add({
      path: PERSONS,
      kind: 'status',
      status: 200,
      body: { success: true, data: [] },
      times: Infinity,
    });
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.bob));

    // 100 people and the placeholder; one persons request for them.
    expect(result.matchedContactInfo).toHaveLength(SEARCH_LIMIT + 1);
    expect(pd.log.entries.filter((entry) => entry.path === PERSONS)).toHaveLength(1);
    expect(result.returnMessage?.message).toMatch(/more than 100/i);
  });

  it('rejects a search answer without the documented items list', async () => {
    pd.faults.add({ path: SEARCH, kind: 'status', status: 200, body: { success: true, data: {} } });
    const error: unknown = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.bob)).catch(
      (e: unknown) => e,
    );
    expect(classifyError(error).kind).toBe('malformed');
  });
});

describe('pipedrive owners', () => {
  it("carries the person's owner id, and lists the company's users by id", async () => {
    const result = await findPipedriveContact(findArgs(pd, PIPEDRIVE_NUMBERS.bob));
    expect(result.matchedContactInfo?.[0]?.ownerId).toBe(String(PIPEDRIVE_USER.id));

    const users = await pipedrive.listUsers!(userFor(pd), TOKEN_AUTH);
    expect(users).toEqual({
      [PIPEDRIVE_USER.id]: PIPEDRIVE_USER.name,
      [PIPEDRIVE_COLLEAGUE.id]: PIPEDRIVE_COLLEAGUE.name,
    });
    expect(pd.log.last({ path: '/v1/users' })?.headers['x-api-token']).toBeDefined();
  });
});
