import { beforeEach, describe, expect, it } from 'vitest';
import axios from 'axios';
import { lookupTraces } from '@/platform/storage/keys';
import { lookupContact } from './lookup';
import { connect, found, type FakeConnector, type TestDeps, connectedEngine } from '@/test/engine';
import { createTracer, installHttpTracing, redact, redactedPath } from './tracer';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine({ debug: true }));
});

describe('debug tracer', () => {
  it('redacts secrets in data and in query strings', () => {
    expect(
      redact({
        authHeader: 'Bearer x',
        nested: { api_token: 'y', phone: '+1' },
        list: [{ password: 'p' }],
      }),
    ).toEqual({
      authHeader: '[REDACTED]',
      nested: { api_token: '[REDACTED]', phone: '+1' },
      list: [{ password: '[REDACTED]' }],
    });
    expect(
      redactedPath('https://a.test/v1/persons/search?term=%2B1&api_token=abc', undefined, {
        apiKey: 'k',
      }),
    ).toBe('/v1/persons/search?term=%2B1&api_token=%5BREDACTED%5D&apiKey=%5BREDACTED%5D');
  });

  it('records the steps of a lookup and passes the tracer to the connector, only in debug mode', async () => {
    connector.find = async () => found([{ id: 1, name: 'A' }]);
    await lookupContact({ phoneNumber: '+14155550102' }, deps);
    await lookupContact({ phoneNumber: '+14155550102' }, deps);
    expect(connector.findCalls[0]?.tracer).not.toBeNull();
    const traces = await lookupTraces.get();
    expect(traces.map((t) => t.steps.map((s) => s.step))).toEqual([
      ['cache.hit'],
      ['cache.miss', 'crm.answered'],
    ]);
    expect(JSON.stringify(traces)).not.toContain('secret-token-123');
    await connect({ debug: false });
    await lookupContact({ phoneNumber: '+14155550102', force: true }, deps);
    expect(connector.findCalls.at(-1)?.tracer).toBeNull();
    expect(await lookupTraces.get()).toHaveLength(2);
  });

  it('keeps only the last 20 traces', async () => {
    for (let i = 0; i < 25; i += 1) {
      await lookupContact({ phoneNumber: `+1415555${String(1000 + i)}` }, deps);
    }
    const traces = await lookupTraces.get();
    expect(traces).toHaveLength(20);
    expect(traces[0]?.phoneNumber).toBe('+14155551024');
  });

  it('records CRM requests seen by axios with method, redacted path, status and time', async () => {
    const instance = axios.create({
      adapter: (config) =>
        Promise.resolve({ data: {}, status: 200, statusText: 'OK', headers: {}, config }),
    });
    installHttpTracing(instance);
    const tracer = createTracer('+1');
    await instance.get('https://crm.test/v1/persons?api_token=abc&term=x', {
      headers: { Authorization: 'Bearer secret' },
    });
    await tracer.finish();
    const step = tracer.steps.find((s) => s.step === 'crm.request');
    expect(step?.data).toMatchObject({
      method: 'GET',
      path: '/v1/persons?api_token=%5BREDACTED%5D&term=x',
      status: 200,
    });
    expect(typeof step?.data?.ms).toBe('number');
    expect(JSON.stringify(tracer.steps)).not.toContain('secret');
  });
});
