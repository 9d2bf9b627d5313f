import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import {
  INSIGHTLY_CONTACTS,
  INSIGHTLY_LEADS,
  startInsightly,
  type InsightlyEmulator,
} from '../../../e2e/emulators/insightly.ts';
import { insightly } from './index';
import { KEY_AUTH, findArgs, userFor } from './test-support';

let is: InsightlyEmulator;
beforeAll(async () => {
  // Called bare, without the engine's pacing: not a test of the rate limit.
  is = await startInsightly({ rateLimit: { limit: 1000 } });
});
afterAll(() => is.close());
beforeEach(() => {
  is.reset();
  is.data.setIndexDelay(0);
});

const { maya, olivia, rosa } = INSIGHTLY_CONTACTS;
const { sam, tara } = INSIGHTLY_LEADS;
const byName = (name: string, pace?: () => Promise<void>) =>
  insightly.findContactWithName(
    { user: userFor(is), authHeader: KEY_AUTH, name },
    pace ? { pace } : undefined,
  );
const ids = (result: Awaited<ReturnType<typeof byName>>) =>
  result.matchedContactInfo?.map((c) => `${c.type}:${c.id}`);
const addNumber = (
  record: { id: number; first: string; last: string },
  type: string,
  phoneNumber: string,
  overridingFormat?: string,
) =>
  insightly.addPhoneNumber({
    user: userFor(is),
    authHeader: KEY_AUTH,
    contact: { id: record.id, name: `${record.first} ${record.last}`, type },
    phoneNumber,
    ...(overridingFormat === undefined ? {} : { overridingFormat, defaultCountry: 'US' }),
  });
const searched = () =>
  is.log.entries.map((e) => `${e.path.split('/')[2]} ${e.query.field_name}=${e.query.field_value}`);

describe('insightly findContactWithName', () => {
  it('finds a first or a last name in any letter case, shaped as a lookup', async () => {
    const result = await byName('PATEL');
    expect(result).toEqual({
      successful: true,
      matchedContactInfo: [
        {
          id: maya.id,
          name: 'Maya Patel',
          phone: maya.phone,
          type: 'Contact',
          email: 'maya.patel@example.test',
          createdDate: '2024-01-05T09:30:00Z',
          mostRecentActivityDate: expect.any(String) as string,
          ownerId: '4001',
          additionalInfo: null,
        },
      ],
    });
    expect(searched().sort()).toEqual([
      'Contacts FIRST_NAME=PATEL',
      'Contacts LAST_NAME=PATEL',
      'Leads FIRST_NAME=PATEL',
      'Leads LAST_NAME=PATEL',
    ]);
    expect(ids(await byName('maya'))).toEqual([`Contact:${maya.id}`]);
  });

  it('finds leads, and a full name only where both parts match', async () => {
    expect(await byName('Sam Rivera')).toMatchObject({
      matchedContactInfo: [{ id: sam.id, type: 'Lead', phone: sam.phone, company: sam.org }],
    });
    expect((await byName('Sam Patel')).matchedContactInfo).toEqual([]);
  });

  it('finds accented names from lower-case accented letters; a mobile-only record shows its mobile', async () => {
    const result = await byName('garcía');
    expect(result.matchedContactInfo).toMatchObject([{ id: rosa.id, phone: rosa.mobile }]);
  });

  it('searches emails when the term is one', async () => {
    expect(ids(await byName('maya.patel@example.test'))).toEqual([`Contact:${maya.id}`]);
    expect(searched().sort()).toEqual([
      'Contacts EMAIL_ADDRESS=maya.patel@example.test',
      'Leads EMAIL=maya.patel@example.test',
    ]);
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

  it('paces every search, and refuses an empty name without asking', async () => {
    let paced = 0;
    await byName('maya', async () => {
      paced += 1;
    });
    expect(paced).toBe(4);
    await expect(byName(' ')).rejects.toThrow('Type a name to search Insightly.');
    expect(is.log.entries).toHaveLength(4);
  });

  it('throws as a lookup does when Insightly refuses', async () => {
    is.faults.add({ kind: 'status', status: 401 });
    const error: unknown = await byName('maya').catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('auth');
  });
});

describe('insightly addPhoneNumber', () => {
  it('puts E.164 in an empty PHONE, keeping the mobile; a lookup then finds it', async () => {
    await addNumber(rosa, 'Contact', '+12125550199');
    const put = is.log.last({ method: 'PUT' });
    expect(put?.body).toEqual({ CONTACT_ID: rosa.id, PHONE: '+12125550199' });
    expect(is.data.contact(rosa.id)).toMatchObject({
      PHONE: '+12125550199',
      PHONE_MOBILE: rosa.mobile,
    });
    const found = await insightly.findContact(findArgs(is, '+12125550199'));
    expect(found.matchedContactInfo?.[0]?.id).toBe(rosa.id);
  });

  it('puts the number in the mobile, spelled as a lookup searches it, when PHONE is taken', async () => {
    await addNumber(maya, 'Contact', '+12125550199');
    expect(is.log.last({ method: 'PUT' })?.body).toEqual({
      CONTACT_ID: maya.id,
      PHONE_MOBILE: '+1 212 555 0199',
    });
    expect(is.data.contact(maya.id)?.PHONE).toBe(maya.phone);
    const found = await insightly.findContact(findArgs(is, '+12125550199'));
    expect(found.matchedContactInfo?.[0]?.id).toBe(maya.id);
  });

  it("writes the mobile in the user's first phone format, so a lookup with those formats finds it", async () => {
    const formats = '(***) ***-****,***.***.****';
    await addNumber(maya, 'Contact', '+12125550199', formats);
    expect(is.data.contact(maya.id)?.PHONE_MOBILE).toBe('(212) 555-0199');
    const found = await insightly.findContact(findArgs(is, '+12125550199', formats));
    expect(found.matchedContactInfo?.[0]?.id).toBe(maya.id);
  });

  it.each([
    ['a format with too few digits for the number', '***-****', '+12125550199'],
    ['a number of another country', '(***) ***-****', '+442079460958'],
    ["a format naming another country's code", '+1 (***) ***-****', '+442079460958'],
  ])(
    'writes the mobile in international spelling for %s: no digit lost or misread',
    async (_, formats, number) => {
      await addNumber(maya, 'Contact', number, formats);
      const mobile = is.data.contact(maya.id)?.PHONE_MOBILE;
      expect(mobile?.startsWith('+')).toBe(true);
      expect(mobile?.replace(/\D/g, '')).toBe(number.slice(1));
    },
  );

  it("fills a lead's PHONE by LEAD_ID", async () => {
    await addNumber(tara, 'Lead', '+12125550199');
    expect(is.log.last({ method: 'PUT' })?.body).toEqual({
      LEAD_ID: tara.id,
      PHONE: '+12125550199',
    });
  });

  it('says so when the phone fields are full, and changes nothing', async () => {
    await expect(addNumber(olivia, 'Contact', '+12125550199')).rejects.toThrow(
      'Olivia Brown has no free phone field in Insightly.',
    );
    expect(is.log.find({ method: 'PUT' })).toHaveLength(0);
  });

  it('throws when Insightly refuses the update, and the record keeps its fields', async () => {
    is.faults.add({ method: 'PUT', kind: 'status', status: 403 });
    const error: unknown = await addNumber(rosa, 'Contact', '+12125550199').catch(
      (e: unknown) => e,
    );
    expect(classifyError(error).kind).toBe('forbidden');
    expect(is.data.contact(rosa.id)?.PHONE).toBeNull();
  });
});
