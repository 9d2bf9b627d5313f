import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  INSIGHTLY_API_KEY,
  INSIGHTLY_CONTACTS,
  INSIGHTLY_LEADS,
  INSIGHTLY_NUMBERS,
  INSIGHTLY_ORGS,
  INSIGHTLY_USER,
  startInsightly,
  type InsightlyEmulator,
} from './insightly.ts';

let is: InsightlyEmulator;
const basic = (user: string) => `Basic ${Buffer.from(user).toString('base64')}`;
const auth = { authorization: basic(`${INSIGHTLY_API_KEY}:`) };
const { maya, noah, olivia, peter, quinn } = INSIGHTLY_CONTACTS;

beforeAll(async () => {
  is = await startInsightly();
});
afterAll(() => is.close());
beforeEach(() => {
  is.reset();
  is.data.setIndexDelay(0);
});

type Rec = Record<string, unknown>;

async function call<T = Rec[]>(path: string, init: RequestInit = {}) {
  const res = await fetch(is.url + path, { ...init, headers: { ...auth, ...init.headers } });
  const text = await res.text();
  return { res, json: (text ? JSON.parse(text) : null) as T };
}

function post<T = Rec>(path: string, body: unknown) {
  const headers = { 'content-type': 'application/json' };
  return call<T>(path, { method: 'POST', headers, body: JSON.stringify(body) });
}

const contactsBy = (field: string, value: string) =>
  call(
    `/v3.1/Contacts/Search?field_name=${field}&field_value=${encodeURIComponent(value)}&brief=false`,
  );
const idsOf = (records: Rec[], key = 'CONTACT_ID') => records.map((r) => r[key]);

describe('insightly auth', () => {
  it('accepts Basic with the API key as user name and an empty password', async () => {
    const me = await call<Rec>('/v3.1/Users/Me');
    expect(me.json).toMatchObject({ USER_ID: INSIGHTLY_USER.USER_ID });
  });

  it('refuses other credentials with the ASP.NET 401 body', async () => {
    for (const authorization of ['', basic('wrong:'), `Bearer ${INSIGHTLY_API_KEY}`]) {
      const res = await fetch(`${is.url}/v3.1/Users/Me`, { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        Message: 'Authorization has been denied for this request.',
      });
    }
  });

  it('treats paths and query parameter names case-insensitively', async () => {
    expect((await call<Rec>('/V3.1/users/me')).res.status).toBe(200);
    const lower = await call(
      `/v3.1/contacts/search?FIELD_NAME=phone&Field_Value=${encodeURIComponent(maya.phone)}`,
    );
    expect(idsOf(lower.json)).toEqual([maya.id]);
  });
});

describe('insightly search', () => {
  it('matches the stored string exactly: other formats of the same number miss', async () => {
    expect(idsOf((await contactsBy('PHONE', '(415) 555-0144')).json)).toEqual([maya.id]);
    expect(idsOf((await contactsBy('PHONE', noah.phone)).json)).toEqual([noah.id]);
    expect(idsOf((await contactsBy('PHONE', INSIGHTLY_NUMBERS.mayaNoah)).json)).toEqual([]);
    expect(idsOf((await contactsBy('PHONE', '4155550144')).json)).toEqual([]);
  });

  it('matches names whole, in any letter case, accents kept: part of a name misses', async () => {
    const rosa = INSIGHTLY_CONTACTS.rosa;
    expect(idsOf((await contactsBy('LAST_NAME', 'garcía')).json)).toEqual([rosa.id]);
    expect(idsOf((await contactsBy('FIRST_NAME', 'ROSA')).json)).toEqual([rosa.id]);
    expect(idsOf((await contactsBy('LAST_NAME', 'garcia')).json)).toEqual([]);
    expect(idsOf((await contactsBy('LAST_NAME', 'Gar')).json)).toEqual([]);
  });

  it('answers a bare array of full contact records', async () => {
    const { res, json } = await contactsBy('PHONE', maya.phone);
    expect(res.status).toBe(200);
    expect(Array.isArray(json)).toBe(true);
    expect(json[0]).toMatchObject({
      CONTACT_ID: maya.id,
      FIRST_NAME: 'Maya',
      LAST_NAME: 'Patel',
      PHONE: maya.phone,
      PHONE_MOBILE: null,
      ORGANISATION_ID: INSIGHTLY_ORGS.northwind.ORGANISATION_ID,
      DATE_CREATED_UTC: maya.created,
      LINKS: [],
      CUSTOMFIELDS: [],
    });
    const brief = await call(
      `/v3.1/Contacts/Search?field_name=PHONE&field_value=${encodeURIComponent(maya.phone)}&brief=true`,
    );
    expect(brief.json[0]).not.toHaveProperty('CUSTOMFIELDS');
  });

  it('one record can match on two fields; a lead and a contact can share a number', async () => {
    expect(idsOf((await contactsBy('PHONE', olivia.phone)).json)).toEqual([olivia.id]);
    expect(idsOf((await contactsBy('PHONE_MOBILE', olivia.mobile)).json)).toEqual([olivia.id]);
    expect(idsOf((await contactsBy('PHONE', peter.phone)).json)).toEqual([peter.id]);
    const leads = await call(
      `/v3.1/Leads/Search?field_name=PHONE&field_value=${encodeURIComponent(peter.phone)}`,
    );
    expect(idsOf(leads.json, 'LEAD_ID')).toEqual([INSIGHTLY_LEADS.sam.id]);
    expect(leads.json[0]).toMatchObject({
      ORGANISATION_NAME: 'Rivera Catering',
      MOBILE: null,
      LINKS: [],
    });
    const mobile = await call(
      `/v3.1/Leads/Search?field_name=MOBILE&field_value=${encodeURIComponent(INSIGHTLY_LEADS.tara.mobile)}`,
    );
    expect(idsOf(mobile.json, 'LEAD_ID')).toEqual([INSIGHTLY_LEADS.tara.id]);
  });

  it('keeps DATE_CREATED_UTC null when missing; "+" unencoded arrives as a space', async () => {
    expect((await contactsBy('PHONE', quinn.phone)).json[0]?.DATE_CREATED_UTC).toBeNull();
    const raw = await call(`/v3.1/Contacts/Search?field_name=PHONE&field_value=+1 415 555 0144`);
    expect(raw.json).toEqual([]); // ' 1 415 555 0144' is not the stored string
    expect(is.log.last({ path: '/v3.1/contacts/search' })?.query.field_value).toBe(
      ' 1 415 555 0144',
    );
  });

  it('filters by field only on /Search: the plain list ignores field_name', async () => {
    const value = encodeURIComponent(maya.phone);
    const listed = await call(`/v3.1/Contacts?field_name=PHONE&field_value=${value}&top=500`);
    expect(idsOf(listed.json)).toEqual(is.data.contacts().map((c) => c.CONTACT_ID));
    const leads = await call(`/v3.1/leads?field_name=PHONE&field_value=${value}&top=1&skip=1`);
    expect(idsOf(leads.json, 'LEAD_ID')).toEqual([is.data.leads()[1]?.LEAD_ID]);
  });

  it('pages with top/skip and rejects bad field names with a 400 Message', async () => {
    const page = await call('/v3.1/Contacts/Search?top=2&skip=1');
    expect(idsOf(page.json)).toEqual([noah.id, olivia.id]);
    const bad = await call<Rec>('/v3.1/Contacts/Search?field_name=NOPE&field_value=1');
    expect(bad.res.status).toBe(400);
    expect(bad.json).toHaveProperty('Message');
  });
});

describe('insightly writes', () => {
  it('creates contacts (201) hidden from search until indexed', async () => {
    is.data.setIndexDelay(60_000);
    const created = await post('/v3.1/Contacts', { FIRST_NAME: 'New', PHONE: '(415) 555-0999' });
    expect(created.res.status).toBe(201);
    expect(created.json).toMatchObject({
      FIRST_NAME: 'New',
      LAST_NAME: null,
      PHONE: '(415) 555-0999',
    });
    expect(created.json.DATE_CREATED_UTC).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await contactsBy('PHONE', '(415) 555-0999')).json).toEqual([]);
    is.data.indexNow();
    expect(idsOf((await contactsBy('PHONE', '(415) 555-0999')).json)).toEqual([
      created.json.CONTACT_ID,
    ]);
  });

  it('requires LAST_NAME for leads', async () => {
    const bad = await post('/v3.1/Leads', { FIRST_NAME: 'No', PHONE: '1' });
    expect(bad.res.status).toBe(400);
    expect(bad.json).toHaveProperty('Message');
    const ok = await post('/v3.1/Leads', { LAST_NAME: 'Caller', PHONE: '+1 415 555 0998' });
    expect(ok.res.status).toBe(201);
    expect(ok.json).toMatchObject({ LAST_NAME: 'Caller', LEAD_ID: expect.any(Number) as number });
  });

  it('updates contacts and leads by id in the body (PUT): only the fields sent change', async () => {
    const put = (segment: string, body: unknown) =>
      call<Rec>(`/v3.1/${segment}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const contact = await put('contacts', {
      CONTACT_ID: maya.id,
      FIRST_NAME: null,
      LAST_NAME: 'Ross',
    });
    expect(contact.res.status).toBe(200);
    expect(contact.json).toMatchObject({
      CONTACT_ID: maya.id,
      FIRST_NAME: null,
      LAST_NAME: 'Ross',
      PHONE: maya.phone,
      EMAIL_ADDRESS: maya.email,
      CUSTOMFIELDS: [],
    });
    const { sam } = INSIGHTLY_LEADS;
    const lead = await put('Leads', { LEAD_ID: sam.id, FIRST_NAME: 'Samuel' });
    expect(lead.json).toMatchObject({ LEAD_ID: sam.id, FIRST_NAME: 'Samuel', LAST_NAME: 'Rivera' });
    expect((await put('Leads', { LEAD_ID: sam.id, LAST_NAME: ' ' })).res.status).toBe(400);
    expect((await put('Contacts', { CONTACT_ID: 999999, LAST_NAME: 'X' })).res.status).toBe(404);
    const noId = await put('Contacts', { LAST_NAME: 'X' });
    expect([noId.res.status, 'Message' in noId.json]).toEqual([400, true]);
    expect((await put('Contacts', { CONTACT_ID: maya.id, LAST_NAME: 7 })).res.status).toBe(400);
  });

  it('adds notes to contacts and leads; 404 for unknown records', async () => {
    const note = await post(`/v3.1/Contacts/${maya.id}/Notes`, { TITLE: 'Call', BODY: '2 min' });
    expect(note.res.status).toBe(201);
    expect(note.json).toMatchObject({
      TITLE: 'Call',
      LINK_SUBJECT_ID: maya.id,
      LINK_SUBJECT_TYPE: 'Contact',
    });
    const leadNote = await post(`/v3.1/leads/${INSIGHTLY_LEADS.sam.id}/notes`, { TITLE: 'Call' });
    expect(leadNote.json).toMatchObject({ LINK_SUBJECT_TYPE: 'Lead' });
    expect(is.data.notes()).toHaveLength(2);
    expect((await post('/v3.1/Contacts/999999/Notes', { TITLE: 'x' })).res.status).toBe(404);
    expect((await post(`/v3.1/Contacts/${maya.id}/Notes`, { BODY: 'no title' })).res.status).toBe(
      400,
    );
  });

  it('updates a note in place by NOTE_ID (PUT /v3.1/Notes); 404 for an unknown note', async () => {
    const note = await post<Rec>(`/v3.1/Contacts/${maya.id}/Notes`, { TITLE: 'Call', BODY: 'a' });
    const put = (body: unknown) =>
      call<Rec>('/v3.1/notes', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const updated = await put({ NOTE_ID: note.json.NOTE_ID, TITLE: 'Call 2', BODY: 'b' });
    expect(updated.res.status).toBe(200);
    expect(updated.json).toMatchObject({
      NOTE_ID: note.json.NOTE_ID,
      TITLE: 'Call 2',
      BODY: 'b',
      LINK_SUBJECT_ID: maya.id,
    });
    expect(is.data.notes()).toHaveLength(1);
    expect((await put({ NOTE_ID: 999999, TITLE: 'x' })).res.status).toBe(404);
    expect((await put({ TITLE: 'x' })).res.status).toBe(400);
    expect((await put({ NOTE_ID: note.json.NOTE_ID, TITLE: ' ' })).json).toHaveProperty('Message');
  });

  it('deletes a note (DELETE /v3.1/Notes/{id}): 202 with no body, then 404', async () => {
    const keep = await post<Rec>(`/v3.1/Contacts/${maya.id}/Notes`, { TITLE: 'Keep' });
    const note = await post<Rec>(`/v3.1/Contacts/${maya.id}/Notes`, { TITLE: 'Call' });
    const del = () => call<null>(`/v3.1/Notes/${String(note.json.NOTE_ID)}`, { method: 'DELETE' });
    const first = await del();
    expect(first.res.status).toBe(202);
    expect(first.json).toBeNull();
    expect(is.data.notes().map((n) => n.NOTE_ID)).toEqual([keep.json.NOTE_ID]);
    expect((await del()).res.status).toBe(404);
  });

  it('serves organisations; data helpers rename and delete', async () => {
    const org = await call<Rec>(`/v3.1/Organisations/${INSIGHTLY_ORGS.contoso.ORGANISATION_ID}`);
    expect(org.json).toMatchObject(INSIGHTLY_ORGS.contoso);
    is.data.renameContact(maya.id, 'Mia', 'Patel-Ross');
    expect((await contactsBy('PHONE', maya.phone)).json[0]).toMatchObject({ FIRST_NAME: 'Mia' });
    is.data.deleteContact(maya.id);
    expect((await contactsBy('PHONE', maya.phone)).json).toEqual([]);
  });

  it('faults use Insightly bodies', async () => {
    is.faults.add({ kind: 'status', status: 500, path: /contacts\/search/i });
    const failed = await contactsBy('PHONE', maya.phone);
    expect([failed.res.status, failed.json]).toEqual([500, { Message: 'An error has occurred.' }]);
    is.faults.add({ kind: 'rateLimit', retryAfterSec: 5 });
    const limited = await call<Rec>('/v3.1/Users/Me');
    expect([limited.res.status, limited.res.headers.get('retry-after')]).toEqual([429, '5']);
  });
});
