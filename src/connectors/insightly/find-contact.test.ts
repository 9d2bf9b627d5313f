import { settle } from '@/test/settle';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import { CREATE_NEW_CONTACT } from '@/features/lookup/model/contact';
import {
  INSIGHTLY_CONTACTS,
  INSIGHTLY_LEADS,
  INSIGHTLY_NUMBERS,
  INSIGHTLY_USER,
  startInsightly,
  type InsightlyEmulator,
} from '../../../e2e/emulators/insightly.ts';
import { FAULT_CASES, withTimeout } from '@/test/fault-cases';
import { SEARCH_LIMIT, findInsightlyContact } from './find-contact';
import { insightly } from './index';
import { findArgs, KEY_AUTH, userFor } from './test-support';
import { insightlyManifest } from './manifest';
import { pace } from '@/platform/worker/http/limiter';

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
        ownerId: '4001',
        additionalInfo: null,
      },
      CREATE_NEW_CONTACT,
    ]);
    // International and national in contact PHONE, PHONE_MOBILE, lead PHONE, MOBILE; E.164 in
    // both PHONE fields.
    expect(is.log.entries).toHaveLength(10);
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
    expect(sentValues()).toEqual(['+14155550144', '(415) 555-0144']);
    expect(is.log.entries).toHaveLength(6);
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
      // One of the ten searches fails: the lookup must not pass off the rest as complete.
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

  it('waits for pace() before each search, and hands on the matches before the last answer', async () => {
    is.faults.add({ kind: 'hold', path: '/v3.1/Leads/Search', times: -1 });
    const partials: (string | number)[][] = [];
    let paced = 0;
    const hooks = {
      pace: () => Promise.resolve(void (paced += 1)),
      onPartial: (contacts: { id: string | number }[]) => partials.push(contacts.map((c) => c.id)),
    };
    const found = findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.peterSam), hooks);
    await vi.waitFor(() => expect(is.held()).toBe(5), { timeout: 10_000 });
    // Peter (a contact) shows while the lead searches are held.
    expect(partials).toEqual([[peter.id]]);
    is.release();
    expect(real(await found).map((c) => c.id)).toEqual([peter.id, sam.id]);
    expect(paced).toBe(10);
  });

  it("keeps within Insightly's 10 requests a second: one lookup from idle, and a paced burst", async () => {
    // One clock for the emulator's window and the pace. It moves only when the pace sleeps, and
    // only once every request already let through has reached the emulator: no real time decides.
    let now = 1_000_000;
    let sent = 0;
    const arrived = () => expect(is.log.entries.length).toBeGreaterThanOrEqual(sent);
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        const until = now + ms;
        await settle(); // the requests already let through count themselves in `sent`
        await vi.waitFor(arrived, { timeout: 10_000 });
        now = Math.max(now, until);
      },
    };
    is.rateLimit.now = clock.now;
    onTestFinished(() => void (is.rateLimit.now = Date.now));
    const statuses = () => is.log.entries.map((e) => e.status);
    await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.mayaNoah));
    expect(statuses()).toEqual(Array(10).fill(200));

    // The emulator refuses an unpaced burst as Insightly does...
    is.reset();
    const bare = [1, 2].map(() => findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.olivia)));
    const settled = await Promise.allSettled(bare);
    expect(settled.map((r) => r.status)).toContain('rejected');
    expect(
      classifyError((settled.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)
        .kind,
    ).toBe('rateLimited');
    expect(statuses()).toContain(429);
    // A refused lookup leaves its other searches running: they land before the next part.
    await vi.waitFor(() => expect(is.log.entries).toHaveLength(20), { timeout: 10_000 });

    // ...and the engine's pace, at the manifest's rate, keeps three lookups under it.
    is.reset();
    const perSecond = insightlyManifest.maxRequestsPerSecond!;
    const hooks = {
      pace: async () => {
        await pace('insightly-burst', perSecond, clock);
        sent += 1;
      },
      onPartial() {},
    };
    const numbers = [INSIGHTLY_NUMBERS.olivia, INSIGHTLY_NUMBERS.quinn, INSIGHTLY_NUMBERS.uma];
    await Promise.all(numbers.map((n) => findInsightlyContact(findArgs(is, n), hooks)));
    expect(statuses()).toEqual(Array(30).fill(200));
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

describe('insightly owners', () => {
  it("carries the record's OWNER_USER_ID", async () => {
    const result = await findInsightlyContact(findArgs(is, INSIGHTLY_NUMBERS.mayaNoah));
    expect(result.matchedContactInfo?.[0]?.ownerId).toBe(String(INSIGHTLY_USER.USER_ID));
  });

  it("names the account's users", async () => {
    expect(await insightly.listUsers!(userFor(is), KEY_AUTH)).toEqual({ '4001': 'Ivan Insight' });
  });
});
