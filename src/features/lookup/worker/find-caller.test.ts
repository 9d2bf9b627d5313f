import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AddPhoneNumberArgs } from '@/connectors/types';
import { createCallLog } from '@/features/saves/worker/call-log';
import type { ContactView } from '@/platform/messages';
import { matchCache, pickedContacts, settingsItem } from '@/platform/storage/keys';
import {
  connectedEngine,
  found,
  httpError,
  JANE,
  JOHN,
  KEY,
  NUMBER,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';
import { limiterLoad } from '@/platform/worker/http/limiter';
import { clearCache } from './cache';
import { addNumber, pick, searchName } from './find-caller';
import { lookupContact } from './lookup';

let connector: FakeConnector;
let deps: TestDeps;
let added: AddPhoneNumberArgs[];

const SAM = { id: 42, name: 'Sam Lee', type: 'person', phone: '+14155550999' };
const view = (contact: object) => ({ ...contact, pageUrl: null }) as ContactView;
const names = (contacts: { name: string }[]) => contacts.map((c) => c.name);

beforeEach(async () => {
  vi.useFakeTimers();
  ({ connector, deps } = await connectedEngine());
  added = [];
  connector.findContactWithName = async () => found([SAM]);
  connector.addPhoneNumber = async (args) => void added.push(args);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a name search', () => {
  it('returns the matches without the placeholder, and caches nothing', async () => {
    const { contacts } = await searchName({ name: 'sam' }, deps);
    expect(names(contacts)).toEqual(['Sam Lee']);
    expect(await matchCache.ids()).toEqual([]);
  });

  it('refuses a single letter, and words a CRM failure as lookups do', async () => {
    await expect(searchName({ name: 's' }, deps)).rejects.toThrow('at least 2 letters');
    connector.findContactWithName = () => Promise.reject(httpError(503));
    await expect(searchName({ name: 'Sam' }, deps)).rejects.toThrow(
      'The search did not run: Pipedrive is unavailable.',
    );
  });

  it("waits out a 429 as lookups do, in the CRM's request slots", async () => {
    let calls = 0;
    connector.findContactWithName = async () => {
      calls += 1;
      if (calls === 1) throw httpError(429, { 'retry-after': '2' });
      return found([SAM]);
    };
    const { contacts } = await searchName({ name: 'sam' }, deps);
    expect(deps.slept).toEqual([2000]);
    expect(names(contacts)).toEqual(['Sam Lee']);
    expect(limiterLoad().crms).toBe(0); // its slot was given back
  });
});

describe('adding the number to a contact found by name', () => {
  it('adds it in the CRM, and the next lookup finds the contact in the cache alone', async () => {
    connector.find = async () => found([]);
    await lookupContact({ phoneNumber: NUMBER }, deps); // "not found", cached
    const { contact } = await addNumber({ phoneNumber: NUMBER, contact: view(SAM) }, deps);
    expect(added).toEqual([expect.objectContaining({ contact: SAM, phoneNumber: NUMBER })]);
    expect(contact).toMatchObject({ id: 42, name: 'Sam Lee', phone: NUMBER });
    const next = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(next.source).toBe('cache');
    expect(names(next.contacts)).toEqual(['Sam Lee']);
    expect(connector.findCalls).toHaveLength(1);
  });

  it('keeps the contact through a Refresh that a lagging CRM search answers with no match', async () => {
    connector.find = async () => found([]);
    await addNumber({ phoneNumber: NUMBER, contact: view(SAM) }, deps);
    const refreshed = await lookupContact({ phoneNumber: NUMBER, force: true }, deps);
    expect(connector.findCalls).toHaveLength(1);
    expect(names(refreshed.contacts)).toEqual(['Sam Lee']);
  });

  it("hands the CRM the user's phone formats, so the number is written as lookups search it", async () => {
    await settingsItem.update((s) => ({ ...s, overridingFormats: ['(###) ###-####', ''] }));
    await addNumber({ phoneNumber: NUMBER, contact: view(SAM) }, deps);
    expect(added[0]?.overridingFormat).toBe('(###) ###-####');
  });

  it('refuses a contact found in the CRM connected before', async () => {
    const elsewhere = { ...view(SAM), account: 'pipedrive:other' };
    await expect(addNumber({ phoneNumber: NUMBER, contact: elsewhere }, deps)).rejects.toThrow(
      'search again',
    );
    expect(added).toEqual([]);
  });

  it('changes nothing when the CRM refuses, and says so', async () => {
    connector.find = async () => found([]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const before = await matchCache.get(KEY);
    connector.addPhoneNumber = () => Promise.reject(httpError(403));
    await expect(addNumber({ phoneNumber: NUMBER, contact: view(SAM) }, deps)).rejects.toThrow(
      'The number was not added: Pipedrive refused access.',
    );
    expect(await matchCache.get(KEY)).toEqual(before);
  });

  it('is retried after a 429, and words a rate limit that outlasts the wait', async () => {
    let calls = 0;
    connector.addPhoneNumber = async (args) => {
      calls += 1;
      if (calls === 1) throw httpError(429, { 'retry-after': '1' });
      added.push(args);
    };
    await addNumber({ phoneNumber: NUMBER, contact: view(SAM) }, deps);
    expect(deps.slept).toEqual([1000]);
    expect(added).toHaveLength(1);
    connector.addPhoneNumber = () => Promise.reject(httpError(429, { 'retry-after': '4' }));
    await expect(addNumber({ phoneNumber: NUMBER, contact: view(SAM) }, deps)).rejects.toThrow(
      'The number was not added: Pipedrive is rate limiting CallPop.',
    );
    expect(deps.slept).toEqual([1000, 4000, 4000]);
  });
});

describe("the caller picked among a number's several contacts", () => {
  beforeEach(() => {
    connector.find = async () => found([JANE, JOHN]);
  });

  it('comes first on the later lookups, marked, until forgotten', async () => {
    const first = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(names(first.contacts)).toEqual(['John Roe', 'Jane Roe']); // created first
    await pick({ phoneNumber: NUMBER, contact: view(JANE), chosen: true }, deps);
    const next = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(names(next.contacts)).toEqual(['Jane Roe', 'John Roe']);
    expect(next.contacts[0]?.chosenBefore).toBe(true);
    await pick({ phoneNumber: NUMBER, contact: view(JANE), chosen: false }, deps);
    const after = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(names(after.contacts)).toEqual(['John Roe', 'Jane Roe']);
    expect(after.contacts.some((c) => c.chosenBefore)).toBe(false);
  });

  it('is made by logging a call against one of them, and cleared with the cache', async () => {
    await lookupContact({ phoneNumber: NUMBER }, deps);
    const reply = await createCallLog(
      {
        requestId: 'log-pick-1',
        phoneNumber: NUMBER,
        contact: { kind: 'existing', id: JANE.id, name: JANE.name, type: 'person' },
        direction: 'Inbound',
        startTime: 1_700_000_000_000,
        durationSeconds: 30,
        result: 'connected',
        subject: 'Call',
        note: '',
        additionalSubmission: {},
      },
      deps,
    );
    expect(reply.contact.chosenBefore).toBe(true);
    expect(names((await lookupContact({ phoneNumber: NUMBER }, deps)).contacts)[0]).toBe(
      'Jane Roe',
    );
    await clearCache();
    expect(await pickedContacts.ids()).toEqual([]);
  });

  it('is not marked on a number with one contact', async () => {
    connector.find = async () => found([JANE]);
    await lookupContact({ phoneNumber: NUMBER }, deps);
    await pick({ phoneNumber: NUMBER, contact: view(JANE), chosen: true }, deps);
    const only = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(only.contacts[0]?.chosenBefore).toBeUndefined();
  });
});
