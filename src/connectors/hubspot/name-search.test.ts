import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import { HUBSPOT_RECORDS, type HubSpotEmulator } from '../../../e2e/emulators/hubspot.ts';
import { hubspot } from './index';
import { TOKEN_AUTH, findArgs, startTestHubSpot, userFor } from './test-support';

let hs: HubSpotEmulator;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());
beforeEach(() => hs.reset());
// Every request sent, and every answer the emulator gave, fits HubSpot's official documents.
afterEach(() => expect(hs.specProblems).toEqual([]));

const CONTACTS = '/crm/v3/objects/contacts/search';
const { alice, mo, zoe, acme } = HUBSPOT_RECORDS;
const byName = (name: string, pace?: () => Promise<void>) =>
  hubspot.findContactWithName(
    { user: userFor(hs), authHeader: TOKEN_AUTH, name },
    pace ? { pace } : undefined,
  );
const names = (result: Awaited<ReturnType<typeof byName>>) =>
  result.matchedContactInfo?.map((c) => c.name);
const addNumber = (
  record: { id: string; properties: Record<string, string | null> },
  type: string,
  phoneNumber: string,
) =>
  hubspot.addPhoneNumber({
    user: userFor(hs),
    authHeader: TOKEN_AUTH,
    contact: { id: record.id, name: 'Sam Lee', type },
    phoneNumber,
  });

describe('hubspot findContactWithName', () => {
  it('finds the start of a first or last name in any case, shaped as a lookup', async () => {
    const result = await byName('JOHN');
    expect(result).toEqual({
      successful: true,
      matchedContactInfo: [
        {
          id: alice.id,
          name: 'Alice Johnson',
          phone: '(415) 555-0101',
          type: 'Contact',
          company: 'Acme Robotics',
          email: 'alice@acme.test',
          createdDate: alice.createdAt,
          mostRecentActivityDate: '2024-05-02T10:00:00.000Z',
          ownerId: '501',
          additionalInfo: null,
        },
      ],
    });
    expect(hs.log.last({ path: CONTACTS })?.body).toMatchObject({
      query: 'JOHN',
      filterGroups: [],
    });
    expect(names(await byName('ali'))).toEqual(['Alice Johnson']);
  });

  it('finds companies too, and a mobile-only contact shows its mobile', async () => {
    expect(names(await byName('acme'))).toEqual(['Alice Johnson', 'Acme Robotics']);
    expect((await byName('mo bile')).matchedContactInfo?.[0]).toMatchObject({
      id: mo.id,
      phone: '+1 415 555 0142',
    });
    expect((await byName('Acme')).matchedContactInfo?.[1]).toMatchObject({
      id: acme.id,
      type: 'Company',
    });
  });

  it('finds names with accents and other scripts from lower-case letters', async () => {
    expect(names(await byName('zoë'))).toEqual([`Zoë Ångström-Łukasz`]);
    expect(names(await byName('łukasz'))).toEqual([`Zoë Ångström-Łukasz`]);
    expect((await byName('zoë')).matchedContactInfo?.[0]?.id).toBe(zoe.id);
  });

  it('answers no match as a success with an empty list and no placeholder', async () => {
    expect(await byName('Nobody')).toEqual({
      successful: true,
      matchedContactInfo: [],
      returnMessage: {
        message: 'No contact found with name Nobody',
        messageType: 'warning',
        ttl: 5000,
      },
    });
  });

  it('paces each of its two searches, and refuses an empty name without asking', async () => {
    let paced = 0;
    await byName('alice', async () => {
      paced += 1;
    });
    expect(paced).toBe(2);
    expect(hs.log.count()).toBe(2);
    await expect(byName('  ')).rejects.toThrow('Type a name to search HubSpot.');
    expect(hs.log.count()).toBe(2);
  });

  it('throws as a lookup does when HubSpot refuses', async () => {
    hs.faults.add({ path: CONTACTS, kind: 'status', status: 403 });
    const error: unknown = await byName('alice').catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('forbidden');
  });
});

describe('hubspot addPhoneNumber', () => {
  it('fills the empty phone, keeping the mobile; a lookup then finds the number', async () => {
    await addNumber(mo, 'Contact', '+12125550199');
    expect(hs.log.last({ method: 'PATCH' })?.body).toEqual({
      properties: { phone: '+12125550199' },
    });
    expect(hs.data.get('contacts', mo.id)?.properties).toMatchObject({
      phone: '+12125550199',
      mobilephone: '+1 415 555 0142',
    });
    const found = await hubspot.findContact(findArgs(hs, '+12125550199'));
    expect(found.matchedContactInfo?.[0]?.id).toBe(mo.id);
  });

  it('puts the number in the mobile when the phone is taken', async () => {
    await addNumber(alice, 'Contact', '+12125550199');
    expect(hs.log.last({ method: 'PATCH' })?.body).toEqual({
      properties: { mobilephone: '+12125550199' },
    });
    expect(hs.data.get('contacts', alice.id)?.properties.phone).toBe('(415) 555-0101');
  });

  it('says so when phone and mobile are both taken, and changes nothing', async () => {
    await addNumber(alice, 'Contact', '+12125550199');
    await expect(addNumber(alice, 'Contact', '+12125550100')).rejects.toThrow(
      'Sam Lee has no free phone field in HubSpot.',
    );
    await expect(addNumber(acme, 'Company', '+12125550100')).rejects.toThrow(
      'Sam Lee has no free phone field in HubSpot.',
    );
    expect(hs.log.find({ method: 'PATCH' })).toHaveLength(1);
  });

  it('changes nothing when the record has the number already', async () => {
    await addNumber(mo, 'Contact', '+14155550142');
    expect(hs.log.find({ method: 'PATCH' })).toHaveLength(0);
  });

  it('throws when HubSpot refuses the update', async () => {
    hs.faults.add({ method: 'PATCH', kind: 'status', status: 403 });
    const error: unknown = await addNumber(mo, 'Contact', '+12125550199').catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('forbidden');
    expect(hs.data.get('contacts', mo.id)?.properties.phone ?? null).toBeNull();
  });
});
