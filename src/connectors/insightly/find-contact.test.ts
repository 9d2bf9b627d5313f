import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitedPartway } from '../shared/resumable';
import { http } from '@/platform/worker/http/client';
import { classifyError } from '@/platform/worker/http/errors';
import { CREATE_NEW_CONTACT } from '@/features/lookup/model/contact';
import {
  INSIGHTLY_CONTACTS,
  INSIGHTLY_LEADS,
  INSIGHTLY_NUMBERS,
  startInsightly,
  type InsightlyEmulator,
} from '../../../e2e/emulators/insightly.ts';
import { FAULT_CASES, withTimeout } from '@/test/fault-cases';
import { MAX_IN_FLIGHT, SEARCH_LIMIT, findInsightlyContact } from './find-contact';
import { findArgs } from './test-support';

let is: InsightlyEmulator;
beforeAll(async () => {
  is = await startInsightly();
});
afterAll(() => is.close());
beforeEach(() => is.reset());

const CONTACT_SEARCH = '/v3.1/Contacts/Search';
const { maya, noah, olivia, peter, quinn } = INSIGHTLY_CONTACTS;
const { sam } = INSIGHTLY_LEADS;

const real = (r: Awaited<ReturnType<typeof findInsightlyContact>>) =>
  (r.matchedContactInfo ?? []).filter((c) => !c.isNewContact);
const sentValues = () => [...new Set(is.log.entries.map((e) => e.query.field_value))];

describe('insightly findContact', () => {
  it('finds one number stored in two formats, with creation times as ISO UTC', async () => {
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.mayaNoah));

    expect(result.successful).toBe(true);
    // Noah's international form is searched before Maya's national one.
    expect(result.matchedContactInfo).toEqual([
      expect.objectContaining({ id: noah.id, createdDate: '2024-02-10T14:00:00Z' }) as unknown,
      {
        id: maya.id,
        name: 'Maya Patel',
        phone: INSIGHTLY_NUMBERS.mayaNoah,
        type: 'Contact',
        email: maya.email,
        createdDate: '2024-01-05T09:30:00Z',
        mostRecentActivityDate: '2024-01-05T09:30:00Z',
        additionalInfo: null,
      },
      CREATE_NEW_CONTACT,
    ]);
    // 3 values x (contact PHONE, PHONE_MOBILE, lead PHONE, MOBILE).
    expect(is.log.entries).toHaveLength(12);
    expect(is.log.entries.every((e) => e.query.brief === 'false')).toBe(true);
  });

  it('sends a plus as a plus', async () => {
    await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.mayaNoah));
    expect(sentValues()).toEqual(['+14155550144', '+1 415 555 0144', '(415) 555-0144']);
  });

  it('searches the overriding formats (and E.164) instead of the defaults', async () => {
    const result = await findInsightlyContact(
      findArgs(is, INSIGHTLY_NUMBERS.mayaNoah, '(###) ###-####'),
    );

    expect(real(result).map((c) => c.id)).toEqual([maya.id]);
    expect(sentValues()).toEqual(['(415) 555-0144', '+14155550144']);
    expect(is.log.entries).toHaveLength(8);
  });

  it('returns one contact for a record matched by PHONE and PHONE_MOBILE', async () => {
    const result = await findInsightlyContact(
      findArgs(is, INSIGHTLY_NUMBERS.olivia, '###-###-####'),
    );

    const phoneHits = is.log.entries.filter(
      (e) => e.path === CONTACT_SEARCH && e.query.field_value === olivia.phone,
    );
    expect(phoneHits.map((e) => e.query.field_name).sort()).toEqual(['PHONE', 'PHONE_MOBILE']);
    expect(real(result)).toHaveLength(1);
    expect(real(result)[0]).toMatchObject({ id: olivia.id, type: 'Contact' });
  });

  it('returns a contact and a lead sharing a number, each with its type', async () => {
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.peterSam));

    expect(real(result)).toEqual([
      expect.objectContaining({ id: peter.id, type: 'Contact', name: 'Peter Novak' }),
      expect.objectContaining({
        id: sam.id,
        type: 'Lead',
        name: 'Sam Rivera',
        company: sam.org,
        createdDate: '2024-04-01T10:15:00Z',
      }),
    ]);
  });

  it('leaves createdDate out when Insightly has none', async () => {
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.quinn));
    expect(real(result)).toHaveLength(1);
    expect(real(result)[0]).toMatchObject({ id: quinn.id });
    expect(real(result)[0]).not.toHaveProperty('createdDate');
  });

  it('shows the first 500 of more, and says there are more', async () => {
    for (let i = 0; i < 510; i += 1) {
      is.data.addContact({ FIRST_NAME: 'Staff', LAST_NAME: `${i + 1}`, PHONE: '+16285550170' });
    }
    const result = await findInsightlyContact(findArgs(is, '+16285550170'));

    expect(real(result)).toHaveLength(500);
    expect(result.returnMessage).toMatchObject({
      messageType: 'warning',
      message: 'More than 500 Insightly contacts have this number; showing the first 500.',
    });
    expect(is.log.entries.every((e) => e.query.top === '500')).toBe(true);
  });

  it('says nothing more when every match fits', async () => {
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.mayaNoah));
    expect(result.returnMessage).toBeUndefined();
  });

  it('returns only the placeholder for an unknown number', async () => {
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.unknown));
    expect(result.matchedContactInfo).toEqual([CREATE_NEW_CONTACT]);
  });

  it('accepts an API URL pasted with /v3.1', async () => {
    const args = findArgs(is, INSIGHTLY_NUMBERS.quinn);
    const result = await findInsightlyContact({
      ...args,
      user: { ...args.user, hostname: `${is.url}/v3.1/` },
    });
    expect(real(result)).toHaveLength(1);
  });

  it('asks nothing of the CRM for an extension number', async () => {
    const result = await findInsightlyContact({ ...findArgs(is, '101'), isExtension: true });
    expect(result).toMatchObject({ successful: false, matchedContactInfo: [] });
    expect(result.returnMessage?.message).toBe(
      'Insightly cannot look up internal extension numbers',
    );
    expect(is.log.entries).toHaveLength(0);
  });

  it.each(FAULT_CASES)(
    'throws on $name and classifies it as $kind',
    async ({ fault, kind, timeoutMs }) => {
      // One of the twelve searches fails: the lookup must not pass off the rest as complete.
      is.faults.add({ ...fault, path: '/v3.1/Leads/Search' });
      const error: unknown = await withTimeout(timeoutMs, () =>
        findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.mayaNoah)),
      ).then(
        (result) => ({ unexpectedResult: result }),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(classifyError(error).kind).toBe(kind);
    },
  );

  it('after a 429 on some searches, resuming sends only the searches not yet answered', async () => {
    is.faults.add({ kind: 'rateLimit', retryAfterSec: 1, path: '/v3.1/Leads/Search' });
    const error: unknown = await findInsightlyContact(
      findArgs(is, INSIGHTLY_NUMBERS.mayaNoah),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedPartway);
    expect(classifyError(error)).toMatchObject({ kind: 'rateLimited', retryAfterMs: 1000 });

    const result = await (error as RateLimitedPartway).resume();
    expect(real(result).map((c) => c.id)).toEqual([noah.id, maya.id]);
    // The twelve searches once each, and the one answered 429 again.
    expect(is.log.entries).toHaveLength(13);
    const sent = is.log.entries.map(
      (e) => `${e.path} ${e.query.field_name} ${e.query.field_value}`,
    );
    expect(new Set(sent).size).toBe(12);
  });

  it('has at most MAX_IN_FLIGHT searches in flight to one Insightly, across lookups', async () => {
    is.setLatency(30);
    let active = 0;
    let peak = 0;
    const get = http.get.bind(http);
    const spy = vi.spyOn(http, 'get').mockImplementation(async (...args) => {
      active += 1;
      peak = Math.max(peak, active);
      try {
        return await get(...args);
      } finally {
        active -= 1;
      }
    });
    try {
      const lookups = Array.from({ length: 4 }, () =>
        findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.mayaNoah)),
      );
      await Promise.all(lookups);
    } finally {
      spy.mockRestore();
    }
    expect(is.log.entries).toHaveLength(48);
    expect(peak).toBe(MAX_IN_FLIGHT);
  });

  it('reads no more than the 500 records it asked for from one search answer', async () => {
    const records = Array.from({ length: 2_000 }, (_, index) => ({
      CONTACT_ID: 900_000 + index,
      LAST_NAME: `Person ${index}`,
    }));
    is.faults.add({ path: CONTACT_SEARCH, kind: 'status', status: 200, body: records });
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.quinn));

    const flood = real(result).filter((c) => Number(c.id) >= 900_000);
    expect(flood).toHaveLength(SEARCH_LIMIT);
    expect(result.returnMessage?.message).toMatch(/more than 500/i);
  });

  it('shows at most 500 for the whole lookup, though it runs several searches', async () => {
    const page = (from: number) =>
      Array.from({ length: 400 }, (_, index) => ({
        CONTACT_ID: from + index,
        LAST_NAME: `Person ${from + index}`,
      }));
    is.faults.add({ path: CONTACT_SEARCH, kind: 'status', status: 200, body: page(800_000) });
    is.faults.add({ path: CONTACT_SEARCH, kind: 'status', status: 200, body: page(810_000) });
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.quinn));

    expect(real(result)).toHaveLength(SEARCH_LIMIT);
    expect(result.returnMessage?.message).toMatch(/more than 500/i);
  });

  it('says nothing of more when the contacts past 500 were already shown', async () => {
    const page = (from: number, length: number) =>
      Array.from({ length }, (_, index) => ({
        CONTACT_ID: from + index,
        LAST_NAME: `Person ${from + index}`,
      }));
    // 300, then 200 new and 100 already shown: exactly 500 people.
    is.faults.add({ path: CONTACT_SEARCH, kind: 'status', status: 200, body: page(820_000, 300) });
    is.faults.add({
      path: CONTACT_SEARCH,
      kind: 'status',
      status: 200,
      body: [...page(820_300, 200), ...page(820_000, 100)],
    });
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.unknown));
    expect(real(result)).toHaveLength(SEARCH_LIMIT);
    expect(result.returnMessage).toBeUndefined();
  });

  it('rejects a search answer that is not a list', async () => {
    is.faults.add({ path: CONTACT_SEARCH, kind: 'status', status: 200, body: { items: [] } });
    const error: unknown = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.quinn)).catch(
      (e: unknown) => e,
    );
    expect(classifyError(error).kind).toBe('malformed');
  });
});
