import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CREATE_NEW_CONTACT } from '@/features/lookup/model/contact';
import { classifyError } from '@/platform/worker/http/errors';
import {
  HUBSPOT_NUMBERS,
  HUBSPOT_OWNER,
  HUBSPOT_OWNERS_SCOPE,
  HUBSPOT_RECORDS,
  type HubSpotEmulator,
} from '../../../e2e/emulators/hubspot.ts';
import { FAULT_CASES, withTimeout } from '@/test/fault-cases';
import { findHubSpotContact } from './search';
import { hubspotManifest } from './manifest';
import { pace } from '@/platform/worker/http/limiter';
import { settle } from '@/test/settle';
import { hubspot } from './index';
import { findArgs, startTestHubSpot, TOKEN_AUTH, userFor } from './test-support';

let hs: HubSpotEmulator;
beforeAll(async () => {
  hs = await startTestHubSpot();
});
afterAll(() => hs.close());
beforeEach(() => hs.reset());
// Every request sent, and every answer the emulator gave, fits HubSpot's official documents.
afterEach(() => expect(hs.specProblems).toEqual([]));

const CONTACTS = '/crm/v3/objects/contacts/search';
const COMPANIES = '/crm/v3/objects/companies/search';
const { alice, mo, carol, dan, zoe, acme } = HUBSPOT_RECORDS;
const find = async (number: string) => {
  const result = await findHubSpotContact(findArgs(hs, number));
  expect(hs.log.count(), 'requests for one lookup').toBeLessThanOrEqual(2);
  return result;
};
const names = (result: Awaited<ReturnType<typeof find>>) =>
  result.matchedContactInfo?.map((c) => c.name);

describe('hubspot findContact', () => {
  it('finds a number stored with punctuation, with its company, email and dates', async () => {
    const result = await find(HUBSPOT_NUMBERS.punctuated);
    expect(result.matchedContactInfo).toEqual([
      {
        id: alice.id,
        name: 'Alice Johnson',
        phone: HUBSPOT_NUMBERS.punctuated,
        type: 'Contact',
        company: 'Acme Robotics',
        email: 'alice@acme.test',
        createdDate: alice.createdAt,
        mostRecentActivityDate: alice.properties.notes_last_updated,
        ownerId: '501',
        additionalInfo: null,
      },
      CREATE_NEW_CONTACT,
    ]);
    const search = hs.log.last({ path: CONTACTS });
    expect(search?.headers.authorization).toMatch(/^Bearer /);
    expect(JSON.stringify(search?.body)).toContain('hs_searchable_calculated_phone_number');
    for (const entry of hs.log.entries) expect(JSON.stringify(entry.query)).not.toContain('pat-');
  });

  it('finds a contact by its mobile number only', async () => {
    expect(names(await find(HUBSPOT_NUMBERS.mobileOnly))).toEqual([
      `${mo.properties.firstname} ${mo.properties.lastname}`,
      CREATE_NEW_CONTACT.name,
    ]);
  });

  it('finds a company by its phone, as a Company', async () => {
    const [company] = (await find(HUBSPOT_NUMBERS.company)).matchedContactInfo ?? [];
    expect(company).toMatchObject({ id: acme.id, name: 'Acme Robotics', type: 'Company' });
    expect(hs.log.count({ path: COMPANIES })).toBe(1);
  });

  it('shows both contacts sharing a number, each with its creation date', async () => {
    const matches = (await find(HUBSPOT_NUMBERS.shared)).matchedContactInfo ?? [];
    expect(matches.slice(0, 2).map((c) => [c.id, c.createdDate])).toEqual([
      [carol.id, carol.createdAt],
      [dan.id, dan.createdAt],
    ]);
  });

  it('answers no match with only the placeholder', async () => {
    const result = await find(HUBSPOT_NUMBERS.nobody);
    expect(result).toMatchObject({ successful: true, matchedContactInfo: [CREATE_NEW_CONTACT] });
  });

  it('finds a UK number stored nationally, with a name in any script', async () => {
    expect(names(await find(HUBSPOT_NUMBERS.uk))).toEqual([
      'Zoë Ångström-Łukasz',
      CREATE_NEW_CONTACT.name,
    ]);
    expect(zoe.properties.phone).toBe('020 7946 0958');
  });

  it('sends two requests however many match, and says when there are more than shown', async () => {
    for (let i = 0; i < 205; i += 1) {
      hs.data.create('contacts', { firstname: 'Many', lastname: String(i), phone: '415 555 0177' });
    }
    const result = await find('+14155550177');
    expect(result.matchedContactInfo).toHaveLength(201);
    expect(result.returnMessage?.message).toMatch(/More than 200 HubSpot contacts/);
  });

  it('throws on 401 and on 429, never answering "no match"', async () => {
    const wrong = { ...findArgs(hs, HUBSPOT_NUMBERS.punctuated), authHeader: 'Bearer nope' };
    const denied: unknown = await findHubSpotContact(wrong).catch((e: unknown) => e);
    expect(classifyError(denied).kind).toBe('auth');

    hs.faults.add({ kind: 'rateLimit', path: COMPANIES, retryAfterSec: 1 });
    const limited: unknown = await find(HUBSPOT_NUMBERS.company).catch((e: unknown) => e);
    expect(classifyError(limited)).toMatchObject({ kind: 'rateLimited', retryAfterMs: 1000 });
  });

  it('answers 429 past 4 searches a second, in HubSpot error shape', async () => {
    const limited = await startTestHubSpot({ searchPerSecond: 4 });
    limited.searchLimit.now = () => 1_000_000; // one window for the whole burst, however slow
    try {
      const lookups = [1, 2, 3].map(() =>
        findHubSpotContact(findArgs(limited, HUBSPOT_NUMBERS.punctuated)).then(
          () => 'ok',
          (e: unknown) => classifyError(e).kind,
        ),
      );
      const outcomes = await Promise.all(lookups);
      expect(outcomes).toContain('rateLimited');
      expect(limited.log.entries.map((e) => e.status).sort()).toEqual([
        200, 200, 200, 200, 429, 429,
      ]);
      expect(limited.specProblems).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('keeps a burst of lookups under 4 searches a second when paced', async () => {
    const limited = await startTestHubSpot({ searchPerSecond: 4 });
    let now = 1_000_000;
    let sent = 0;
    limited.searchLimit.now = () => now;
    // The clock moves only when the pace sleeps and every search let through has arrived.
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        const until = now + ms;
        await settle();
        const arrived = () => expect(limited.log.entries.length).toBeGreaterThanOrEqual(sent);
        await vi.waitFor(arrived, { timeout: 10_000 });
        now = Math.max(now, until);
      },
    };
    const hooks = {
      pace: async () => {
        await pace('hubspot-burst', hubspotManifest.maxRequestsPerSecond!, clock);
        sent += 1;
      },
      onPartial() {},
    };
    try {
      const numbers = [
        HUBSPOT_NUMBERS.punctuated,
        HUBSPOT_NUMBERS.company,
        HUBSPOT_NUMBERS.punctuated,
      ];
      await Promise.all(numbers.map((n) => findHubSpotContact(findArgs(limited, n), hooks)));
      expect(limited.log.entries.map((e) => e.status)).toEqual(Array(6).fill(200));
    } finally {
      await limited.close();
    }
  });

  describe.each(FAULT_CASES)('fault $name', ({ fault, kind, timeoutMs }) => {
    it.each([CONTACTS, COMPANIES])(`on %s throws and classifies as ${kind}`, async (path) => {
      hs.faults.add({ ...fault, path });
      const error: unknown = await withTimeout(timeoutMs, () =>
        findHubSpotContact(findArgs(hs, HUBSPOT_NUMBERS.punctuated)),
      ).then(
        (result) => ({ unexpectedResult: result }),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(classifyError(error).kind).toBe(kind);
      hs.specProblems.length = 0; // a fault's answer is the test's own, not HubSpot's
    });
  });
});

describe('hubspot owners', () => {
  it("asks for the owner property in the search, and names owners from HubSpot's owners", async () => {
    const result = await findHubSpotContact(findArgs(hs, HUBSPOT_NUMBERS.punctuated));
    expect(result.matchedContactInfo?.[0]?.ownerId).toBe(HUBSPOT_OWNER.id);

    expect(await hubspot.listUsers!(userFor(hs), TOKEN_AUTH)).toEqual({ '501': 'Dana Demo' });
    expect(hs.log.last({ path: '/crm/owners/2026-09' })?.headers.authorization).toBe(TOKEN_AUTH);
  });

  it('a token without the owners scope is refused the list (403), so no owner is named', async () => {
    hs.scopes.splice(hs.scopes.indexOf(HUBSPOT_OWNERS_SCOPE), 1);
    try {
      const error = await hubspot.listUsers!(userFor(hs), TOKEN_AUTH).catch((e: unknown) => e);
      expect(classifyError(error).kind).toBe('forbidden');
    } finally {
      hs.scopes.push(HUBSPOT_OWNERS_SCOPE);
    }
  });
});
