import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_LEADS,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  startPipedrive,
  type PipedriveEmulator,
} from './pipedrive.ts';
import { pipedriveClient, type PdRecord as Rec } from './pipedrive-testkit.ts';

let pd: PipedriveEmulator;
const { bob } = PIPEDRIVE_PERSONS;

beforeAll(async () => {
  pd = await startPipedrive();
});
afterAll(() => pd.close());
beforeEach(() => {
  pd.reset();
  pd.data.setIndexDelay(0);
  pd.rateLimit.configure({ limit: 80, windowMs: 2000 });
});

const { auth, call, post, searchPhone } = pipedriveClient(() => pd.url);

describe('pipedrive deals, leads, call logs', () => {
  it('lists open deals and leads for a person', async () => {
    const deals = await call<Rec[]>(`/api/v2/deals?person_id=${bob.id}&status=open`);
    expect(deals.json.data).toEqual([
      expect.objectContaining({ id: PIPEDRIVE_DEALS.bobOpen.id, status: 'open', currency: 'USD' }),
    ]);
    const leads = await call<Rec[]>(`/v1/leads?person_id=${bob.id}`);
    expect(leads.json.data).toEqual([
      expect.objectContaining({ id: PIPEDRIVE_LEADS.bob.id, title: PIPEDRIVE_LEADS.bob.title }),
    ]);
  });

  it('stores call logs and validates required fields', async () => {
    const body = {
      person_id: bob.id,
      subject: 'Inbound call',
      duration: 95,
      outcome: 'connected',
      from_phone_number: PIPEDRIVE_NUMBERS.bob,
      to_phone_number: '+14155550000',
      start_time: '2024-05-01 10:00:00',
      end_time: '2024-05-01 10:01:35',
      note: 'Asked about pricing',
      deal_id: PIPEDRIVE_DEALS.bobOpen.id,
    };
    const ok = await post<{ id: string }>('/v1/callLogs', body);
    expect(ok.res.status).toBe(200);
    expect(ok.json.data.id).toMatch(/^[0-9a-f]+$/);
    expect(pd.data.callLogs()).toEqual([
      expect.objectContaining({
        person_id: bob.id,
        duration: '95',
        deal_id: 1,
        outcome: 'connected',
      }),
    ]);
    const broken = [
      { ...body, outcome: undefined },
      { ...body, outcome: 'great' },
      { ...body, to_phone_number: '' },
      { ...body, end_time: '2024-05-01T10:01:35Z' },
      { ...body, lead_id: PIPEDRIVE_LEADS.bob.id }, // a deal or a lead, not both
    ];
    for (const b of broken) {
      const res = await post('/v1/callLogs', b);
      expect([res.res.status, res.json.success]).toEqual([400, false]);
    }
    expect(pd.data.callLogs()).toHaveLength(1);
  });

  it('deletes a call log (v1 cannot edit one): 200, then 410 for it, 404 for an unknown id', async () => {
    const log = pd.data.addCallLog({
      activity_id: null,
      person_id: bob.id,
      org_id: null,
      deal_id: null,
      lead_id: null,
      subject: 'Call',
      duration: '5',
      outcome: 'connected',
      from_phone_number: null,
      to_phone_number: PIPEDRIVE_NUMBERS.bob,
      start_time: '2024-05-01 10:00:00',
      end_time: '2024-05-01 10:00:05',
      note: null,
    });
    const del = (id: string) => call(`/v1/callLogs/${id}`, { method: 'DELETE' });
    const first = await del(log.id);
    expect([first.res.status, first.json]).toEqual([200, { success: true }]);
    expect(pd.data.callLogs()).toEqual([]);
    const again = await del(log.id);
    expect([again.res.status, again.json.success]).toEqual([410, false]);
    const unknown = await del('ffff');
    expect([unknown.res.status, unknown.json.success]).toEqual([404, false]);
    const put = await call(`/v1/callLogs/${log.id}`, { method: 'PUT', body: '{}' });
    expect(put.res.status).toBe(404);
  });
});

describe('pipedrive rate limits and faults', () => {
  it('carries x-ratelimit-* headers and answers 429 with Retry-After once exhausted', async () => {
    pd.rateLimit.configure({ limit: 3, windowMs: 2000 });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      remaining.push((await call('/v1/users/me')).res.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const { res, json } = await call('/v1/users/me');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('x-ratelimit-limit')).toBe('3');
    expect(res.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    expect(json).toMatchObject({ success: false, errorCode: 429 });
  });

  it('status and rateLimit faults answer with Pipedrive bodies', async () => {
    pd.faults.add({ kind: 'status', status: 401, path: '/v1/users/me' });
    const unauth = await call('/v1/users/me');
    expect([unauth.res.status, unauth.json.error]).toEqual([401, 'unauthorized access']);
    pd.faults.add({ kind: 'rateLimit', path: /^\/api\/v2\/persons/ });
    const limited = await searchPhone(PIPEDRIVE_NUMBERS.bob);
    expect([limited.res.status, limited.json.errorCode]).toEqual([429, 429]);
    expect(limited.res.headers.get('retry-after')).toBe('2');
    expect(limited.res.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('a malformed answer still performs the write', async () => {
    pd.faults.add({ kind: 'malformed', method: 'POST', path: '/api/v2/persons' });
    const res = await fetch(`${pd.url}/api/v2/persons`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"name":"Half Written"}',
    });
    await expect(res.json()).rejects.toThrow();
    expect(pd.data.persons().some((p) => p.name === 'Half Written')).toBe(true);
  });
});

describe('pipedrive dataFile', () => {
  it('persists created persons between runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-emu-'));
    const file = join(dir, 'pipedrive.json');
    try {
      const first = await startPipedrive({ dataFile: file });
      first.data.addPerson({ name: 'Kept Around', phones: ['+1 415 555 0999'] });
      await first.close();
      const second = await startPipedrive({ dataFile: file });
      expect(second.data.persons().some((p) => p.name === 'Kept Around')).toBe(true);
      await second.close();
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { persons: unknown[] };
      expect(saved.persons.length).toBe(Object.keys(PIPEDRIVE_PERSONS).length + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
