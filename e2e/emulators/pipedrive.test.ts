import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  PIPEDRIVE_API_TOKEN,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_OAUTH_TOKEN,
  PIPEDRIVE_PERSONS,
  PIPEDRIVE_USER,
  startPipedrive,
  type PipedriveEmulator,
} from './pipedrive.ts';
import { pipedriveClient, type PdRecord as Rec } from './pipedrive-testkit.ts';

let pd: PipedriveEmulator;
const { bob, carol, dan, ivy } = PIPEDRIVE_PERSONS;

beforeAll(async () => {
  pd = await startPipedrive();
});
afterAll(() => pd.close());
beforeEach(() => {
  pd.reset();
  pd.data.setIndexDelay(0);
  pd.rateLimit.configure({ limit: 80, windowMs: 2000 });
});

const { call, post, search, searchPhone, ids } = pipedriveClient(() => pd.url);

describe('pipedrive auth', () => {
  it('accepts x-api-token, api_token query and Bearer OAuth tokens', async () => {
    const me = await call('/v1/users/me');
    expect(me.json.data).toMatchObject({ id: PIPEDRIVE_USER.id, company_domain: 'callpop-demo' });
    const q = await fetch(`${pd.url}/v1/users/me?api_token=${PIPEDRIVE_API_TOKEN}`);
    expect(q.status).toBe(200);
    const bearer = { authorization: `Bearer ${PIPEDRIVE_OAUTH_TOKEN}` };
    expect((await fetch(`${pd.url}/v1/users/me`, { headers: bearer })).status).toBe(200);
  });

  it('refuses missing or wrong credentials with the 401 body', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { 'x-api-token': 'wrong' },
      { authorization: `Bearer ${PIPEDRIVE_API_TOKEN}` }, // an API token is not an OAuth token
    ];
    for (const headers of attempts) {
      const res = await fetch(`${pd.url}/v1/users/me`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        success: false,
        error: 'unauthorized access',
        errorCode: 401,
        error_info:
          'Please check developers.pipedrive.com for more information about Pipedrive API.',
      });
    }
    expect(pd.log.count({ path: '/v1/users/me' })).toBe(3);
  });

  it('paths are case-sensitive, as on Pipedrive', async () => {
    expect((await call('/V1/users/me')).res.status).toBe(404);
  });
});

describe('pipedrive persons search', () => {
  it('matches phone digits whatever the stored or searched format', async () => {
    for (const term of ['+14155550102', '4155550102', '(415) 555-0102']) {
      expect(ids((await searchPhone(term)).json)).toEqual([bob.id]);
    }
    const shared = await searchPhone(PIPEDRIVE_NUMBERS.shared);
    expect(ids(shared.json).sort()).toEqual([carol.id, dan.id]);
    expect(ids((await searchPhone('4155550133')).json)).toHaveLength(3);
    expect(ids((await searchPhone(PIPEDRIVE_NUMBERS.multiFormat)).json)).toHaveLength(2);
    expect(ids((await searchPhone(PIPEDRIVE_NUMBERS.unknown)).json)).toEqual([]);
  });

  it('returns the documented v2 search item shape: no add_time, no primary_email', async () => {
    const { json } = await searchPhone(PIPEDRIVE_NUMBERS.bob);
    expect(json.success).toBe(true);
    expect(json.additional_data).toEqual({ next_cursor: null });
    const item = json.data.items[0]!;
    expect(item.result_score).toBeGreaterThan(0);
    expect(item.item).toEqual({
      id: bob.id,
      type: 'person',
      name: bob.name,
      phones: [bob.phone],
      emails: [bob.email],
      visible_to: 3,
      owner: { id: PIPEDRIVE_USER.id },
      organization: { id: 1, name: 'Acme Robotics', address: expect.any(String) as string },
      custom_fields: [],
      notes: [],
    });
  });

  it('decodes an unencoded "+" as a space, so a client that forgets %2B is caught', async () => {
    await search('term=+14155550102&fields=phone');
    expect(pd.log.last({ path: '/api/v2/persons/search' })?.query.term).toBe(' 14155550102');
    await search('term=%2B14155550102&fields=phone');
    expect(pd.log.last({ path: '/api/v2/persons/search' })?.query.term).toBe('+14155550102');
  });

  it('searches names, honours exact_match, rejects short terms with a 400 body', async () => {
    expect(ids((await search('term=smith&fields=name')).json)).toEqual([bob.id]);
    expect(ids((await search('term=smith&fields=name&exact_match=true')).json)).toEqual([]);
    const short = await search('term=4&fields=phone');
    expect(short.res.status).toBe(400);
    expect(short.json).toMatchObject({ success: false, errorCode: 400 });
  });

  it('paginates with limit and cursor', async () => {
    const first = await search('term=4155550133&fields=phone&limit=2');
    expect(ids(first.json)).toHaveLength(2);
    const cursor = first.json.additional_data?.next_cursor ?? '';
    const second = await search(`term=4155550133&fields=phone&limit=2&cursor=${cursor}`);
    expect(ids(second.json)).toHaveLength(1);
    expect(second.json.additional_data?.next_cursor).toBeNull();
  });
});

describe('pipedrive persons', () => {
  it('batches ids, returns ISO add_time, and null when missing', async () => {
    const { json } = await call<Rec[]>(`/api/v2/persons?ids=${carol.id},${ivy.id},999`);
    expect(json.data.map((p) => p.id)).toEqual([carol.id, ivy.id]);
    expect(json.data[0]).toMatchObject({ add_time: carol.addTime, first_name: 'Carol', org_id: 2 });
    expect(json.data[0]?.phones).toEqual([{ value: carol.phone, primary: true, label: 'work' }]);
    expect(json.data[1]?.add_time).toBeNull();
    expect((await call(`/api/v2/persons/${ivy.id}`)).json.data.name).toBe(ivy.name);
    const missing = await call('/api/v2/persons/999');
    expect([missing.res.status, missing.json.success]).toEqual([404, false]);
  });

  it('creates via v2 (ISO time); search sees the person after the index delay', async () => {
    pd.data.setIndexDelay(60_000);
    const phones = [{ value: '+1 415 555 0777', primary: true, label: 'mobile' }];
    const created = await post('/api/v2/persons', { name: 'New Caller', phones });
    expect(created.res.status).toBe(200);
    expect(created.json.data).toMatchObject({ name: 'New Caller', phones });
    expect(created.json.data.add_time).toMatch(/Z$/);
    expect(ids((await searchPhone('4155550777')).json)).toEqual([]);
    expect((await call(`/api/v2/persons/${created.json.data.id}`)).res.status).toBe(200);
    pd.data.indexNow();
    expect(ids((await searchPhone('4155550777')).json)).toEqual([created.json.data.id]);
  });

  it('validates v2 person bodies strictly: no bare phone strings, no numbers as strings', async () => {
    const before = pd.data.persons().length;
    for (const body of [
      { phones: [{ value: '123' }] }, // no name
      { name: 'A', phones: '+14155550777' },
      { name: 'A', phones: ['+14155550777'] },
      { name: 'A', owner_id: String(PIPEDRIVE_USER.id) },
    ]) {
      const bad = await post('/api/v2/persons', body);
      expect([bad.res.status, bad.json.success, bad.json.errorCode]).toEqual([400, false, 400]);
    }
    expect(pd.data.persons()).toHaveLength(before);
  });

  it('no longer serves the deprecated v1 person writes', async () => {
    const v1 = await post('/v1/persons', { name: 'Old Client', phone: '+14155550777' });
    expect(v1.res.status).toBe(404);
    const put = await call(`/v1/persons/${bob.id}`, { method: 'PUT', body: '{"name":"X"}' });
    expect(put.res.status).toBe(404);
    expect(pd.data.person(bob.id)?.name).toBe(bob.name);
  });

  it('updates a person via v2 PATCH: only the fields sent change; 404 unknown, 400 no name', async () => {
    const patch = (id: number, body: unknown) =>
      call(`/api/v2/persons/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const renamed = await patch(bob.id, { name: 'Robert Smith' });
    expect(renamed.res.status).toBe(200);
    expect(renamed.json.data).toMatchObject({
      id: bob.id,
      name: 'Robert Smith',
      first_name: 'Robert',
      last_name: 'Smith',
      phones: [{ value: bob.phone, primary: true }],
      emails: [{ value: bob.email, primary: true }],
      org_id: 1,
    });
    expect(renamed.json.data.update_time).toMatch(/Z$/);
    const found = await searchPhone(PIPEDRIVE_NUMBERS.bob);
    expect(found.json.data.items.map((i) => i.item.name)).toEqual(['Robert Smith']);
    const missing = await patch(999, { name: 'Nobody' });
    expect([missing.res.status, missing.json.success]).toEqual([404, false]);
    const nameless = await patch(bob.id, { name: ' ' });
    expect([nameless.res.status, nameless.json.errorCode]).toEqual([400, 400]);
    expect(pd.data.person(bob.id)?.name).toBe('Robert Smith');
  });

  it('data helpers rename, delete and add', async () => {
    pd.data.renamePerson(bob.id, 'Robert Smith');
    const renamed = await searchPhone(PIPEDRIVE_NUMBERS.bob);
    expect(renamed.json.data.items[0]?.item.name).toBe('Robert Smith');
    pd.data.deletePerson(bob.id);
    expect(ids((await searchPhone(PIPEDRIVE_NUMBERS.bob)).json)).toEqual([]);
    const added = pd.data.addPerson({
      name: 'Late Import',
      phones: ['+1 415 555 0888'],
      add_time: null,
    });
    const listed = await call<Rec[]>(`/api/v2/persons?ids=${added.id}`);
    expect(listed.json.data[0]?.add_time).toBeNull();
  });

  it('lists persons newest first by add_time, for one owner, before search indexes them', async () => {
    pd.data.setIndexDelay(60_000);
    const added = pd.data.addPerson({ name: 'Just Created', phones: ['+14155550777'] });
    pd.data.addPerson({ name: 'Someone Else', phones: [], owner_id: 42 });
    expect(ids((await searchPhone('4155550777')).json)).toEqual([]);
    const newest = await call<Rec[]>(
      `/api/v2/persons?sort_by=add_time&sort_direction=desc&owner_id=${PIPEDRIVE_USER.id}&limit=2`,
    );
    expect(newest.json.data.map((p) => p.id)).toEqual([added.id, expect.any(Number)]);
    expect(newest.json.data.every((p) => p.owner_id === PIPEDRIVE_USER.id)).toBe(true);
    const byId = await call<Rec[]>('/api/v2/persons?sort_by=id&sort_direction=desc&limit=1');
    expect(byId.json.data[0]?.name).toBe('Someone Else');
    for (const query of ['sort_by=name', 'sort_direction=down']) {
      const bad = await call(`/api/v2/persons?${query}`);
      expect([bad.res.status, bad.json.success]).toEqual([400, false]);
    }
  });
});
