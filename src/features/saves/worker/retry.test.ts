/**
 * The retry rule (docs/saves.md): a retry after an unclear outcome adopts the earlier write or
 * writes, answers as soon as the CRM does, and removes a copy a late earlier write leaves after.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveRequests } from '@/platform/storage/keys';
import type { CallLogRequest } from '@/platform/messages';
import { createCallLog } from './call-log';
import { createContact } from './create';
import {
  httpError,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  connectedEngine,
} from '@/test/engine';
import { HttpError } from '@/platform/worker/http/client';

let connector: FakeConnector;
let deps: TestDeps;
/** The background checks' waits, each let go by the test. */
let waits: (() => void)[];

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine({ requestTimeoutSeconds: 3 }));
  waits = [];
  deps.sleep = (ms) => {
    deps.slept.push(ms);
    return new Promise((resolve) => waits.push(resolve));
  };
});

/** Lets the next background check run, and waits until it has asked the CRM. */
async function nextCheck() {
  const before = connector.checks;
  await vi.waitFor(() => expect(waits.length).toBeGreaterThan(0));
  waits.shift()!();
  await vi.waitFor(() => expect(connector.checks).toBeGreaterThan(before));
}

const timeout = () => new HttpError('timeout', 'No answer in 3000 ms.');

const logRequest = (extra: Partial<CallLogRequest> = {}): CallLogRequest => ({
  requestId: 'log-retry-0001',
  phoneNumber: NUMBER,
  contact: { kind: 'existing', id: 7, name: 'Jane Roe', type: 'person' },
  direction: 'Inbound',
  startTime: 1_700_000_000_000,
  durationSeconds: 42,
  result: 'connected',
  subject: 'Call',
  note: 'Asked about pricing',
  additionalSubmission: {},
  ...extra,
});

const logs = () => connector.stored.filter((r) => r.kind === 'callLog').map((r) => r.id);
const contacts = () => connector.stored.filter((r) => r.kind === 'contact').map((r) => r.id);

/** The first attempt's write: sent, its answer lost; `land` stores it in the CRM later. */
function lateWrite() {
  const write = connector.log;
  let land = () => undefined as unknown;
  connector.log = (args) => {
    connector.log = write;
    land = () => write(args);
    return Promise.reject(timeout());
  };
  return { land: () => land() };
}

describe('a retried call log', () => {
  it('after a timeout the CRM stored, adopts that log and writes none', async () => {
    const write = connector.log;
    connector.log = async (args) => {
      await write(args);
      throw timeout();
    };
    await expect(createCallLog(logRequest(), deps)).rejects.toMatchObject({
      outcomeUnclear: true,
    });
    connector.log = write;
    const reply = await createCallLog({ ...logRequest(), retry: true }, deps);
    expect(reply.logId).toBe('log-1');
    expect(connector.logCalls).toHaveLength(1);
    expect(logs()).toEqual(['log-1']);
  });

  it('after a server error answers as soon as the CRM does: no wait before the answer', async () => {
    const write = connector.log;
    connector.log = () => Promise.reject(httpError(500));
    await expect(createCallLog(logRequest(), deps)).rejects.toMatchObject({
      outcomeUnclear: true,
    });
    connector.log = write;
    // Every background wait is held: the reply comes without any of them ending.
    const reply = await createCallLog({ ...logRequest(), retry: true }, deps);
    expect(reply.logId).toBe('log-1');
    expect(logs()).toEqual(['log-1']);
  });

  it('stays unclear when the retry cannot look for the earlier write: nothing is written', async () => {
    const write = connector.log;
    connector.log = () => Promise.reject(timeout());
    await expect(createCallLog(logRequest(), deps)).rejects.toMatchObject({
      outcomeUnclear: true,
    });
    connector.log = write;
    connector.saveCheck!.find = () => Promise.reject(httpError(503));
    await expect(createCallLog({ ...logRequest(), retry: true }, deps)).rejects.toMatchObject({
      outcomeUnclear: true,
    });
    expect(connector.logCalls).toHaveLength(1);
  });

  it('removes the copy a late earlier write leaves after the retry looked', async () => {
    const late = lateWrite();
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/did not answer in time/);
    const reply = await createCallLog({ ...logRequest(), retry: true }, deps);
    expect(logs()).toEqual([reply.logId]);
    await nextCheck();
    late.land(); // the CRM stores the first attempt now
    expect(logs()).toHaveLength(2);
    await nextCheck();
    // The log the person was told about stays; the late copy is gone.
    expect(logs()).toEqual([reply.logId]);
    expect(connector.removed).toHaveLength(1);
  });

  it('checks for late copies for ten request timeouts (at least a minute), then stops', async () => {
    lateWrite();
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow();
    await createCallLog({ ...logRequest(), retry: true }, deps);
    while (waits.length > 0 || deps.slept.length === 0) await nextCheck();
    const total = deps.slept.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(60_000);
    expect(total).toBeLessThan(4 * 60_000);
  });

  it('a first attempt asks the CRM nothing extra and starts no checks', async () => {
    await createCallLog(logRequest(), deps);
    expect(connector.checks).toBe(0);
    expect(deps.slept).toEqual([]);
  });

  it("finds the earlier write with the form's retry flag even when the record was lost", async () => {
    const write = connector.log;
    connector.log = async (args) => {
      await write(args);
      throw timeout();
    };
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow();
    connector.log = write;
    await saveRequests.remove(await saveRequests.ids());
    await createCallLog({ ...logRequest(), retry: true }, deps);
    expect(logs()).toEqual(['log-1']);
  });

  it('a new contact and its log: a late person is removed, one of each stays', async () => {
    const create = connector.create;
    let land = () => undefined as unknown;
    connector.create = (args) => {
      connector.create = create;
      land = () => create(args);
      return Promise.reject(timeout());
    };
    const request = logRequest({ contact: { kind: 'new', name: 'Ann Lee', type: 'person' } });
    await expect(createCallLog(request, deps)).rejects.toThrow();
    const reply = await createCallLog({ ...request, retry: true }, deps);
    land();
    while (contacts().length > 1) await nextCheck();
    expect(contacts()).toEqual([String(reply.contact.id)]);
    expect(logs()).toEqual([reply.logId]);
  });
});

describe('a retried contact', () => {
  it('removes the copy a late earlier create leaves, keeping the one the person was told', async () => {
    const create = connector.create;
    let land = () => undefined as unknown;
    connector.create = (args) => {
      connector.create = create;
      land = () => create(args);
      return Promise.reject(timeout());
    };
    const request = {
      phoneNumber: NUMBER,
      newContactName: 'Ann Lee',
      newContactType: 'person',
      requestId: 'contact-retry-01',
    };
    await expect(createContact(request, deps)).rejects.toMatchObject({ outcomeUnclear: true });
    const reply = await createContact({ ...request, retry: true }, deps);
    land();
    expect(contacts()).toHaveLength(2);
    while (contacts().length > 1) await nextCheck();
    expect(contacts()).toEqual([String(reply.contact.id)]);
  });
});

describe('a full session area', () => {
  it('never stops a Save: it runs without its record', async () => {
    const full = new Error('QUOTA_BYTES quota exceeded');
    vi.spyOn(saveRequests, 'set').mockRejectedValue(full);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reply = await createCallLog(logRequest({ requestId: 'log-full-0001' }), deps);
    expect(reply.logId).toBe('log-1');
    const contact = await createContact(
      {
        phoneNumber: NUMBER,
        newContactName: 'Ann',
        newContactType: 'person',
        requestId: 'full-c-01',
      },
      deps,
    );
    expect(contact.contact.name).toBe('Ann');
    vi.restoreAllMocks();
  });
});
