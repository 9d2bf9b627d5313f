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
import { MAX_NOTE_PAGES, NOTES_PAGE } from './write';
import { KEY_AUTH, findArgs, userFor } from './test-support';

let is: InsightlyEmulator;
beforeAll(async () => {
  is = await startInsightly();
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

  it('explains a missing type or name without calling Insightly', async () => {
    await expect(insightly.createContact(createArgs('Ada', ''))).rejects.toThrow(
      /Contact or a Lead/,
    );
    await expect(insightly.createContact(createArgs('  ', 'Contact'))).rejects.toThrow(
      'Enter a name for the new contact.',
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

describe('insightly renameContact', () => {
  const rename = (id: string | number, type: string | undefined, newName: string) =>
    insightly.renameContact!({
      user: userFor(is),
      authHeader: KEY_AUTH,
      contact: { id, ...(type ? { type } : {}) },
      newName,
    });

  it('puts the names, split at the last word, on the Contact or Lead by its id', async () => {
    const { maya } = INSIGHTLY_CONTACTS;
    await rename(maya.id, 'Contact', 'Maya  Patel Ross');
    expect(is.log.last({ method: 'PUT' })).toMatchObject({
      path: '/v3.1/Contacts',
      body: { CONTACT_ID: maya.id, FIRST_NAME: 'Maya Patel', LAST_NAME: 'Ross' },
    });
    expect(is.data.contact(maya.id)).toMatchObject({ LAST_NAME: 'Ross', PHONE: maya.phone });
    const { sam } = INSIGHTLY_LEADS;
    await rename(sam.id, 'lead', 'Rivera');
    expect(is.log.last({ method: 'PUT' })).toMatchObject({
      path: '/v3.1/Leads',
      body: { LEAD_ID: sam.id, FIRST_NAME: null, LAST_NAME: 'Rivera' },
    });
    expect(is.data.lead(sam.id)).toMatchObject({ FIRST_NAME: null, LAST_NAME: 'Rivera' });
  });

  it('throws when Insightly refuses or has no such record', async () => {
    const { maya } = INSIGHTLY_CONTACTS;
    is.faults.add({ method: 'PUT', kind: 'status', status: 403 });
    const refused: unknown = await rename(maya.id, undefined, 'Mia Patel').catch((e: unknown) => e);
    expect(classifyError(refused).kind).toBe('forbidden');
    const missing: unknown = await rename(999999, 'Lead', 'Nobody').catch((e: unknown) => e);
    expect(classifyError(missing).kind).toBe('notFound');
    await expect(rename('abc', 'Contact', 'Mia')).rejects.toThrow('is not an Insightly contact');
    expect(is.data.contact(maya.id)?.FIRST_NAME).toBe('Maya');
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

  it('finds the note an earlier attempt saved for the same call, and no other', async () => {
    const { peter } = INSIGHTLY_CONTACTS;
    const args = logArgs('Contact', peter.id);
    await expect(insightly.findCallLog!(args)).resolves.toBeNull();
    const saved = await insightly.createCallLog(args);
    await expect(insightly.findCallLog!(args)).resolves.toEqual({ logId: saved.logId });
    const later = { ...args, call: { ...args.call, startTime: args.call.startTime + 60_000 } };
    await expect(insightly.findCallLog!(later)).resolves.toBeNull();
    expect(is.log.last({ method: 'GET' })?.path).toBe(`/v3.1/Contacts/${peter.id}/Notes`);
  });

  /** `count` older notes on Peter, then the one an earlier attempt saved for this call. */
  async function historyThenEarlierAttempt(count: number): Promise<string> {
    const { peter } = INSIGHTLY_CONTACTS;
    for (let i = 0; i < count; i += 1) is.data.addNote('Contact', peter.id, `Old note ${i}`, null);
    return (await insightly.createCallLog(logArgs('Contact', peter.id))).logId;
  }
  const noteListRequests = () =>
    is.log.find({ method: 'GET' }).filter((entry) => entry.path.endsWith('/Notes'));

  it('finds the earlier attempt on the first page when Insightly lists newest first', async () => {
    is.data.noteOrder = 'newestFirst';
    const saved = await historyThenEarlierAttempt(1200);
    is.log.clear();
    const args = logArgs('Contact', INSIGHTLY_CONTACTS.peter.id);
    await expect(insightly.findCallLog!(args)).resolves.toEqual({ logId: saved });
    expect(noteListRequests()).toHaveLength(1);
    expect(noteListRequests()[0]?.query.top).toBe(String(NOTES_PAGE));
  });

  // 150: past the API's default page of 100; 499/500/501 around a page; 2600: several pages.
  for (const count of [150, 499, 500, 501, 2600]) {
    it(`finds it at the end when Insightly lists oldest first (${count} older notes)`, async () => {
      const saved = await historyThenEarlierAttempt(count);
      is.log.clear();
      const args = logArgs('Contact', INSIGHTLY_CONTACTS.peter.id);
      await expect(insightly.findCallLog!(args)).resolves.toEqual({ logId: saved });
      expect(noteListRequests().length).toBeLessThanOrEqual(MAX_NOTE_PAGES);
    });
  }

  it('answers "none" within its request budget when no note matches', async () => {
    await historyThenEarlierAttempt(3000);
    is.log.clear();
    const args = logArgs('Contact', INSIGHTLY_CONTACTS.peter.id);
    const other = { ...args, call: { ...args.call, startTime: args.call.startTime + 60_000 } };
    await expect(insightly.findCallLog!(other)).resolves.toBeNull();
    expect(noteListRequests().length).toBeGreaterThan(1);
    expect(noteListRequests().length).toBeLessThanOrEqual(MAX_NOTE_PAGES);
  });

  /** The same call, with what the user may edit between two Saves changed. */
  const edited = (type: string, id: number): CreateCallLogArgs => ({
    ...logArgs(type, id),
    subject: 'Call with Peter (edited)',
    note: 'Asked for a quote. Call back Friday.',
  });

  it('reports the earlier note of this call as outdated when the user edited it since', async () => {
    const { peter } = INSIGHTLY_CONTACTS;
    const saved = await insightly.createCallLog(logArgs('Contact', peter.id));
    is.data.addNote('Contact', peter.id, 'Call with Peter', 'Inbound call from somewhere else');
    await expect(insightly.findCallLog!(edited('Contact', peter.id))).resolves.toEqual({
      logId: saved.logId,
      outdated: true,
    });
    const otherResult = {
      ...logArgs('Contact', peter.id),
      call: { ...logArgs('Contact', peter.id).call, result: 'missed' as const },
    };
    await expect(insightly.findCallLog!(otherResult)).resolves.toMatchObject({ outdated: true });
  });

  it('rewrites an outdated note in place: one note, same id, the new text', async () => {
    const { peter } = INSIGHTLY_CONTACTS;
    const old = await insightly.createCallLog(logArgs('Contact', peter.id));
    const args = { ...edited('Contact', peter.id), replacesLogId: old.logId };
    const rewritten = await insightly.createCallLog(args);
    expect(rewritten).toMatchObject({
      logId: old.logId,
      returnMessage: { message: 'Call logged.' },
    });
    // v3.1 PUT is a partial update: the id and the fields that change, nothing else.
    expect(is.log.last({ method: 'PUT' })).toMatchObject({ path: '/v3.1/Notes' });
    expect(is.log.last({ method: 'PUT' })?.body).toEqual({
      NOTE_ID: Number(old.logId),
      TITLE: 'Call with Peter (edited)',
      BODY: expect.stringContaining('Call back Friday.') as unknown,
    });
    expect(is.data.notes()).toEqual([
      expect.objectContaining({
        NOTE_ID: Number(old.logId),
        TITLE: 'Call with Peter (edited)',
        BODY: expect.stringContaining('Call back Friday.') as unknown,
      }),
    ]);
    await expect(insightly.findCallLog!(edited('Contact', peter.id))).resolves.toEqual({
      logId: old.logId,
    });
  });

  it('writes a new note when the outdated one was deleted meanwhile', async () => {
    const { peter } = INSIGHTLY_CONTACTS;
    const args = { ...edited('Contact', peter.id), replacesLogId: '999999' };
    const written = await insightly.createCallLog(args);
    expect(is.log.last({ method: 'PUT' })?.status).toBe(404);
    expect(is.data.notes().map((n) => String(n.NOTE_ID))).toEqual([written.logId]);
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

describe('insightly deleteCallLog', () => {
  const { peter } = INSIGHTLY_CONTACTS;
  const target = (logId: string) => ({
    user: userFor(is),
    authHeader: KEY_AUTH,
    logId,
    contact: { id: peter.id, type: 'Contact' },
  });

  it('deletes the note by id; one already gone counts as deleted', async () => {
    const kept = await insightly.createCallLog(logArgs('Contact', peter.id));
    const note = await insightly.createCallLog({ ...logArgs('Contact', peter.id), note: 'x' });
    await insightly.deleteCallLog!(target(note.logId));
    expect(is.log.last({ method: 'DELETE' })).toMatchObject({
      path: `/v3.1/Notes/${note.logId}`,
      status: 202,
    });
    expect(is.data.notes().map((n) => String(n.NOTE_ID))).toEqual([kept.logId]);
    await expect(insightly.deleteCallLog!(target(note.logId))).resolves.toBeUndefined();
    expect(is.log.last({ method: 'DELETE' })?.status).toBe(404);
  });

  it('throws when Insightly refuses, and never sends an id that is not a note id', async () => {
    const note = await insightly.createCallLog(logArgs('Contact', peter.id));
    is.faults.add({ method: 'DELETE', kind: 'status', status: 403 });
    const refused = await insightly.deleteCallLog!(target(note.logId)).catch((e: unknown) => e);
    expect(classifyError(refused).kind).toBe('forbidden');
    await expect(insightly.deleteCallLog!(target('1/../../Contacts/1'))).rejects.toThrow(
      'is not an Insightly note',
    );
    expect(is.log.count({ method: 'DELETE' })).toBe(1);
    expect(is.data.notes()).toHaveLength(1);
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

  it('lists both connectors and explains an unknown platform', () => {
    expect(Object.keys(CONNECTORS)).toEqual(['pipedrive', 'insightly']);
    expect(getConnector('insightly')).toBe(insightly);
    expect(() => getConnector('toString')).toThrow('CallPop cannot connect to "toString".');
  });
});
