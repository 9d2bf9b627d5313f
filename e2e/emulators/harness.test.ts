import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './harness.ts';

// A tiny emulator so the harness is tested independently of either CRM.
let emu: Emulator<{ resets: number }>;

beforeEach(() => emu?.reset());
afterAll(() => emu.close());

const ready = startEmulator({
  name: 'echo',
  data: { resets: 0 },
  handle: (req) => ({ status: 200, body: { path: req.path, query: req.query, body: req.body } }),
  errorBody: (status) => ({ error: `crm error ${status}` }),
  rateLimitAnswer: (s) => ({
    status: 429,
    body: { error: 'slow down' },
    headers: { 'x-limit': '0', 'retry-after': String(s) },
  }),
  commonHeaders: () => ({ 'x-common': 'yes' }),
  onReset: () => {
    emu.data.resets += 1;
  },
}).then((e) => (emu = e));

async function get(path: string, init?: RequestInit): Promise<Response> {
  await ready;
  return fetch(emu.url + path, init);
}

describe('harness', () => {
  it('parses queries like a real server: "+" is a space, %2B is a plus', async () => {
    const res = await get('/echo?term=+14155550102&enc=%2B14155550102');
    const body = (await res.json()) as { query: Record<string, string> };
    expect(body.query.term).toBe(' 14155550102');
    expect(body.query.enc).toBe('+14155550102');
    expect(res.headers.get('x-common')).toBe('yes');
  });

  it('logs requests with lowercased headers and parsed bodies; filters by method and path', async () => {
    await get('/a', {
      method: 'POST',
      headers: { 'X-Thing': '1', 'content-type': 'application/json' },
      body: '{"n":1}',
    });
    await get('/a/b?x=1');
    await get('/c');
    expect(emu.log.count()).toBe(3);
    expect(emu.log.count({ method: 'post', path: '/a' })).toBe(1);
    expect(emu.log.find({ path: /^\/a/ })).toHaveLength(2);
    const post = emu.log.last({ method: 'POST' })!;
    expect(post).toMatchObject({
      path: '/a',
      body: { n: 1 },
      status: 200,
      headers: { 'x-thing': '1' },
    });
    expect(emu.log.last({ path: '/a/b' })?.query).toEqual({ x: '1' });
    emu.log.clear();
    expect(emu.log.entries).toHaveLength(0);
  });

  it('applies faults in order, only to matching requests, `times` each', async () => {
    emu.faults.add({ path: '/x', kind: 'status', status: 503, times: 2 });
    emu.faults.add({
      method: 'GET',
      path: /^\/x/,
      kind: 'status',
      status: 404,
      body: { custom: true },
    });
    expect((await get('/other')).status).toBe(200);
    expect((await get('/x')).status).toBe(503);
    const second = await get('/x');
    expect(await second.json()).toEqual({ error: 'crm error 503' });
    const third = await get('/x');
    expect([third.status, await third.json()]).toEqual([404, { custom: true }]);
    expect((await get('/x')).status).toBe(200);
    expect(emu.log.find({ path: '/x' }).map((e) => e.fault ?? null)).toEqual([
      'status',
      'status',
      'status',
      null,
    ]);
  });

  it('rateLimit, malformed, html, empty', async () => {
    emu.faults.add({ kind: 'rateLimit', retryAfterSec: 7 });
    const limited = await get('/r');
    expect([
      limited.status,
      limited.headers.get('retry-after'),
      limited.headers.get('x-limit'),
    ]).toEqual([429, '7', '0']);
    expect(await limited.json()).toEqual({ error: 'slow down' });

    emu.faults.add({ kind: 'malformed' });
    const bad = await get('/m');
    expect(bad.headers.get('content-type')).toContain('application/json');
    await expect(bad.json()).rejects.toThrow();

    emu.faults.add({ kind: 'html', status: 502 });
    const html = await get('/h');
    expect([html.status, html.headers.get('content-type')]).toEqual([
      502,
      'text/html; charset=utf-8',
    ]);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);

    emu.faults.add({ kind: 'empty' });
    const empty = await get('/e');
    expect([empty.status, await empty.text()]).toEqual([200, '']);
  });

  it('drop destroys the socket; hang never answers until the client gives up', async () => {
    emu.faults.add({ kind: 'drop', path: '/d' });
    await expect(get('/d')).rejects.toThrow();
    emu.faults.add({ kind: 'hang', path: '/h' });
    await expect(get('/h', { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(emu.log.find({ path: /^\/[dh]$/ }).map((e) => e.status)).toEqual([0, 0]);
  });

  it('delay faults and global latency slow answers down', async () => {
    emu.faults.add({ kind: 'delay', delayMs: 120 });
    let t = Date.now();
    expect((await get('/slow')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(110);
    emu.setLatency(80);
    t = Date.now();
    await get('/slow');
    expect(Date.now() - t).toBeGreaterThanOrEqual(70);
    emu.setLatency(0);
  });

  it('control API: log, faults (with pathRegex), latency, reset; control calls are not logged', async () => {
    await get('/seen');
    const log = (await (await get('/__emulator/log')).json()) as { entries: { path: string }[] };
    expect(log.entries.map((e) => e.path)).toEqual(['/seen']);

    const added = await get('/__emulator/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'status', status: 500, pathRegex: '^/api/', times: -1 }),
    });
    expect(added.status).toBe(201);
    expect((await get('/api/one')).status).toBe(500);
    expect((await get('/api/two')).status).toBe(500);
    expect((await get('/__emulator/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await get('/api/three')).status).toBe(200);

    const bad = await get('/__emulator/faults', { method: 'POST', body: '{"kind":"nope"}' });
    expect(bad.status).toBe(400);

    await get('/__emulator/latency', { method: 'POST', body: '{"ms":25}' });
    expect(emu.latency()).toBe(25);

    const resets = emu.data.resets;
    expect((await get('/__emulator/reset', { method: 'POST' })).status).toBe(204);
    expect(emu.data.resets).toBe(resets + 1);
    expect(emu.latency()).toBe(0);
    expect((await get('/__emulator/log', { method: 'DELETE' })).status).toBe(204);
    expect(emu.log.count()).toBe(0);
  });
});
