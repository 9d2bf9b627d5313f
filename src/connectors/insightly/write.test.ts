import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import {
  INSIGHTLY_API_KEY,
  INSIGHTLY_CONTACTS,
  INSIGHTLY_LEADS,
  INSIGHTLY_NUMBERS,
  INSIGHTLY_USER,
  startInsightly,
  type InsightlyEmulator,
} from '../../../e2e/emulators/insightly.ts';
import { CONNECTORS, getConnector } from '../index';
import type { CreateCallLogArgs, CreateContactArgs } from '../types';
import { insightlyPageHostname } from './auth';
import { findInsightlyContact } from './find-contact';
import { insightly } from './index';
import { MAX_NOTE_PAGES } from './write';
import { KEY_AUTH, findArgs, userFor } from './test-support';

let is: InsightlyEmulator;
beforeAll(async () => {
  // These call the connector bare, without the engine's pacing: not a test of the rate limit.
  is = await startInsightly({ rateLimit: { limit: 1000 } });
});
afterAll(() => is.close());
beforeEach(() => is.reset());

const NEW_NUMBER = '+14155550777';

function createArgs(newContactName: string, newContactType: string): CreateContactArgs {
  return {
    user: userFor(is),
    authHeader: KEY_AUTH,
    phoneNumber: NEW_NUMBER,
    newContactName,
    newContactType,
  };
}

describe('insightly createContact', () => {
  it('creates a Contact, splitting the name at the last word, and finds it by E.164', async () => {
    const result = await insightly.createContact(createArgs('Ada King Lovelace', 'Contact'));

    expect(is.log.last({ method: 'POST' })?.path).toBe('/v3.1/Contacts');
    expect(is.log.last({ method: 'POST' })?.body).toEqual({
      FIRST_NAME: 'Ada King',
      LAST_NAME: 'Lovelace',
      PHONE: NEW_NUMBER,
    });
    const created = is.data.contacts().at(-1);
    expect(result).toMatchObject({
      contactInfo: { id: created?.CONTACT_ID, name: 'Ada King Lovelace', type: 'Contact' },
      returnMessage: { message: 'Contact created.', messageType: 'success' },
    });
    const found = await findInsightlyContact(findArgs(is, NEW_NUMBER));
    expect(found.matchedContactInfo?.[0]).toMatchObject({
      id: created?.CONTACT_ID,
      type: 'Contact',
    });
  });

  it('creates a Lead from a one-word name as its last name only', async () => {
    const result = await insightly.createContact(createArgs('Ada', 'lead'));

    expect(is.log.last({ method: 'POST' })?.path).toBe('/v3.1/Leads');
    expect(is.log.last({ method: 'POST' })?.body).toEqual({ LAST_NAME: 'Ada', PHONE: NEW_NUMBER });
    expect(result.contactInfo).toEqual({
      id: is.data.leads().at(-1)?.LEAD_ID,
      name: 'Ada',
      type: 'Lead',
    });
  });

  it('explains a missing type without calling Insightly', async () => {
    await expect(insightly.createContact(createArgs('Ada', ''))).rejects.toThrow(
      /Contact or a Lead/,
    );
    expect(is.log.entries).toHaveLength(0);
  });

  it('throws when Insightly refuses the create', async () => {
    is.faults.add({ method: 'POST', path: '/v3.1/Leads', kind: 'status', status: 500 });
    const error: unknown = await insightly
      .createContact(createArgs('Ada', 'Lead'))
      .catch((e: unknown) => e);
    expect(classifyError(error).kind).toBe('unavailable');
  });
});

function logArgs(type: string, id: number): CreateCallLogArgs {
  return {
    user: userFor(is),
    authHeader: KEY_AUTH,
    contact: { id, name: 'Someone', type },
    call: {
      direction: 'Inbound',
      phoneNumber: INSIGHTLY_NUMBERS.peterSam,
      startTime: Date.UTC(2024, 4, 6, 7, 8, 9),
      durationSeconds: 65,
      result: 'connected',
    },
    subject: 'Call with Peter',
    note: 'Asked for a quote.',
    additionalSubmission: {},
  };
}

describe('insightly createCallLog', () => {
  it('adds a note with the call details and the note to a contact', async () => {
    const { peter } = INSIGHTLY_CONTACTS;
    const result = await insightly.createCallLog(logArgs('Contact', peter.id));

    expect(is.log.last({ method: 'POST' })?.path).toBe(`/v3.1/Contacts/${peter.id}/Notes`);
    const note = is.data.notes().at(-1);
    expect(note).toMatchObject({
      LINK_SUBJECT_TYPE: 'Contact',
      LINK_SUBJECT_ID: peter.id,
      TITLE: 'Call with Peter',
      BODY: [
        'Inbound call from +1 415 555 0166: Connected',
        'Started: 2024-05-06 07:08:09 UTC',
        'Duration: 1 min 05 s',
        '',
        'Asked for a quote.',
      ].join('\n'),
    });
    expect(result.logId).toBe(String(note?.NOTE_ID));
  });

  it('logs against a lead on the lead', async () => {
    const { sam } = INSIGHTLY_LEADS;
    await insightly.createCallLog(logArgs('Lead', sam.id));
    expect(is.data.notes().at(-1)).toMatchObject({
      LINK_SUBJECT_TYPE: 'Lead',
      LINK_SUBJECT_ID: sam.id,
    });
  });
});

describe('insightly saveCheck', () => {
  const check = insightly.saveCheck!;
  const { peter } = INSIGHTLY_CONTACTS;
  const log = (args: CreateCallLogArgs) => ({ kind: 'callLog', args }) as const;

  it("finds a Save's note on the record by its text, and no other", async () => {
    const args = logArgs('Contact', peter.id);
    await expect(check.find(log(args), 0)).resolves.toEqual([]);
    const saved = await insightly.createCallLog(args);
    await insightly.createCallLog({ ...args, note: 'Another note' });
    await expect(check.find(log(args), 0)).resolves.toEqual([saved.logId]);
    const later = { ...args, call: { ...args.call, startTime: args.call.startTime + 60_000 } };
    await expect(check.find(log(later), 0)).resolves.toEqual([]);
    expect(is.log.last({ method: 'GET' })?.path).toBe(`/v3.1/Contacts/${peter.id}/Notes`);
    // Insightly may hand the body back as HTML.
    const stored = is.data.notes().find((n) => String(n.NOTE_ID) === saved.logId)!;
    stored.BODY = `<p>${String(stored.BODY ?? '')
      .split('\n')
      .join('<br />')}</p>`;
    await expect(check.find(log(args), 0)).resolves.toEqual([saved.logId]);
  });

  it('finds it at the end of a long history in either order, within its budget', async () => {
    for (const order of ['newestFirst', 'oldestFirst'] as const) {
      is.reset();
      is.data.noteOrder = order;
      for (let i = 0; i < 1200; i += 1) is.data.addNote('Contact', peter.id, `Old ${i}`, null);
      const args = logArgs('Contact', peter.id);
      const saved = await insightly.createCallLog(args);
      is.log.clear();
      await expect(check.find(log(args), 0)).resolves.toEqual([saved.logId]);
      expect(is.log.count({ method: 'GET' })).toBeLessThanOrEqual(MAX_NOTE_PAGES);
    }
  });

  it("finds a Save's new contact or lead made since it began, and removes copies", async () => {
    const since = Date.now();
    for (const type of ['Contact', 'Lead']) {
      const save = { kind: 'contact', args: createArgs('Ann Lee', type) } as const;
      await expect(check.find(save, since)).resolves.toEqual([]);
      const made = String((await insightly.createContact(save.args)).contactInfo?.id);
      await expect(check.find(save, since)).resolves.toEqual([made]);
      await expect(check.find(save, since + 60 * 60_000)).resolves.toEqual([]);
      await check.remove(save, made);
      expect(is.log.last({ method: 'DELETE' })).toMatchObject({
        path: `/v3.1/${type}s/${made}`,
        status: 202,
      });
      await expect(check.find(save, since)).resolves.toEqual([]);
      await expect(check.remove(save, made)).resolves.toBeUndefined();
    }
  });

  it('removes a note; a refusal throws, an id that is not a note id is never sent', async () => {
    const args = logArgs('Contact', peter.id);
    const note = await insightly.createCallLog(args);
    is.faults.add({ method: 'DELETE', kind: 'status', status: 403 });
    const refused = await check.remove(log(args), note.logId).catch((e: unknown) => e);
    expect(classifyError(refused).kind).toBe('forbidden');
    await expect(check.remove(log(args), '1/../../Contacts/1')).rejects.toThrow(
      'is not an Insightly record',
    );
    expect(is.data.notes()).toHaveLength(1);
    await check.remove(log(args), note.logId);
    expect(is.data.notes()).toHaveLength(0);
  });
});

describe('insightly connection and registry', () => {
  it('reports the instance, user id and name', async () => {
    await expect(insightly.checkConnection(userFor(is), KEY_AUTH)).resolves.toEqual({
      accountId: String(INSIGHTLY_USER.INSTANCE_ID),
      userId: String(INSIGHTLY_USER.USER_ID),
      userName: 'Ivan Insight',
    });
  });

  it('sends the key as Basic "<key>:" and refuses other credential kinds', () => {
    expect(insightly.authHeader({ kind: 'apiKey', apiKey: INSIGHTLY_API_KEY })).toBe(
      `Basic ${Buffer.from(`${INSIGHTLY_API_KEY}:`).toString('base64')}`,
    );
    expect(() => insightly.authHeader({ kind: 'apiToken', token: 'x' })).toThrow(/API key/);
  });

  it('opens records on the web app host, not the API host', () => {
    expect(insightlyPageHostname('https://api.na1.insightly.com/v3.1')).toBe(
      'https://crm.na1.insightly.com',
    );
    expect(insightlyPageHostname('api.eu1.insightly.com')).toBe('crm.eu1.insightly.com');
    expect(insightlyPageHostname('http://127.0.0.1:4020')).toBe('http://127.0.0.1:4020');
  });

  it('lists every connector and explains an unknown platform', () => {
    expect(Object.keys(CONNECTORS)).toEqual(['pipedrive', 'insightly', 'hubspot']);
    expect(getConnector('insightly')).toBe(insightly);
    expect(() => getConnector('toString')).toThrow('CallPop cannot connect to "toString".');
  });
});
