import { beforeEach, describe, expect, it } from 'vitest';
import { matchCache, saveRequests } from '@/platform/storage/keys';
import type { CallLogRequest } from '@/platform/messages';
import { createCallLog } from './call-log';
import {
  found,
  httpError,
  type FakeConnector,
  type TestDeps,
  NUMBER,
  KEY,
  connectedEngine,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

const logRequest = (extra: Partial<CallLogRequest> = {}): CallLogRequest => ({
  requestId: 'log-0001',
  phoneNumber: NUMBER,
  contact: { kind: 'new', name: 'Ann Lee', type: 'person' },
  direction: 'Inbound',
  startTime: 1_700_000_000_000,
  durationSeconds: 42,
  result: 'connected',
  subject: 'Call',
  note: 'Asked about pricing',
  additionalSubmission: { deal: 3 },
  ...extra,
});

describe('createCallLog', () => {
  it('creates the new contact, caches it, then logs against it', async () => {
    const reply = await createCallLog(logRequest(), deps);
    expect(connector.createCalls).toHaveLength(1);
    expect(connector.logCalls[0]).toMatchObject({
      contact: { id: 900, name: 'Ann Lee', type: 'person' },
      call: { direction: 'Inbound', phoneNumber: NUMBER, durationSeconds: 42, result: 'connected' },
      note: 'Asked about pricing',
      additionalSubmission: { deal: 3 },
    });
    expect(reply).toMatchObject({ logId: 'log-1', contact: { id: 900 } });
    expect((await matchCache.get(KEY))?.c?.[0]).toMatchObject({ i: 900, n: 'Ann Lee' });
  });

  it('hands our own end of the call to the connector in E.164; an extension or junk is left out', async () => {
    await createCallLog(
      logRequest({ requestId: 'log-own-01', ownNumber: '+1 (415) 555-0000' }),
      deps,
    );
    expect(connector.logCalls.at(-1)?.call).toMatchObject({ ownNumber: '+14155550000' });
    for (const [requestId, ownNumber] of [
      ['log-own-02', '101'],
      ['log-own-03', 'anonymous'],
      ['log-own-04', ''],
    ] as const) {
      await createCallLog(logRequest({ requestId, ownNumber }), deps);
      expect(connector.logCalls.at(-1)?.call).not.toHaveProperty('ownNumber');
    }
  });

  it('refuses a contact found in the CRM account connected before, and sends nothing', async () => {
    const contact = { kind: 'existing' as const, id: 105, name: 'Quinn Taylor', type: 'Contact' };
    await expect(
      createCallLog(
        logRequest({ requestId: 'log-acct-01', contact: { ...contact, account: 'insightly:old' } }),
        deps,
      ),
    ).rejects.toThrow(
      'This contact was found in the CRM connected before, not in Pipedrive. Refresh to look the number up again, then log the call.',
    );
    expect(connector.logCalls).toHaveLength(0);
    // Found in this account (or from a caller that does not say): logged.
    await createCallLog(
      logRequest({ requestId: 'log-acct-02', contact: { ...contact, account: 'pipedrive:acct1' } }),
      deps,
    );
    await createCallLog(logRequest({ requestId: 'log-acct-03', contact }), deps);
    expect(connector.logCalls).toHaveLength(2);
  });

  it('does not create the contact again when a retry follows a failed log', async () => {
    connector.log = () => Promise.reject(httpError(502));
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/unavailable/);
    connector.log = async () => ({ logId: 'log-2' });
    const reply = await createCallLog(logRequest(), deps);
    expect(reply.logId).toBe('log-2');
    expect(connector.createCalls).toHaveLength(1);
    expect(connector.logCalls).toHaveLength(2);
  });

  it('a retry after a timed-out contact create logs against the contact the CRM made', async () => {
    const crm: { id: number; name: string }[] = [];
    connector.find = async () => found(crm);
    connector.create = async (args) => {
      crm.push({ id: 904, name: args.newContactName });
      throw Object.assign(new Error('timeout'), { isAxiosError: true, code: 'ECONNABORTED' });
    };
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/did not answer in time/);
    const reply = await createCallLog(logRequest(), deps);
    expect(reply.contact.id).toBe(904);
    expect(connector.createCalls).toHaveLength(1);
    expect(connector.logCalls).toHaveLength(1);
  });

  it('a retry after a timed-out log finds the log the CRM saved and writes no second one', async () => {
    const crm: string[] = [];
    connector.log = async () => {
      crm.push('log-saved');
      throw Object.assign(new Error('timeout'), { isAxiosError: true, code: 'ECONNABORTED' });
    };
    connector.findLog = async () => (crm[0] ? { logId: crm[0] } : null);
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/did not answer in time/);
    const reply = await createCallLog(logRequest(), deps);
    expect(reply).toMatchObject({ logId: 'log-saved', returnMessage: { message: 'Call logged.' } });
    expect(connector.logCalls).toHaveLength(1);
    expect(crm).toEqual(['log-saved']);
    expect(connector.findLogCalls[0]).toMatchObject({ contact: { id: 900 }, subject: 'Call' });
  });

  /** A CRM holding one log of the call, with `note`: findCallLog answers as the connectors do. */
  function crmHasLogWithNote(note: string): void {
    connector.findLog = async (args) =>
      args.note === note ? { logId: 'log-old' } : { logId: 'log-old', outdated: true };
  }

  it('a retry after the user edited the log replaces the log its earlier attempt wrote', async () => {
    // The first attempt reached the CRM, but its answer did not come back.
    connector.log = () => Promise.reject(httpError(503));
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/unavailable/);
    crmHasLogWithNote('Asked about pricing');
    connector.log = async () => ({ logId: 'log-new' });
    const reply = await createCallLog(
      logRequest({ note: 'Asked about pricing. Call Friday.' }),
      deps,
    );
    expect(reply.logId).toBe('log-new');
    // Asked for what the earlier attempt sent, not for what this one sends.
    expect(connector.findLogCalls.at(-1)).toMatchObject({ note: 'Asked about pricing' });
    expect(connector.logCalls.at(-1)).toMatchObject({
      note: 'Asked about pricing. Call Friday.',
      replacesLogId: 'log-old',
    });
    expect(connector.logCalls[0]).not.toHaveProperty('replacesLogId');
  });

  it('never replaces a log of the call that none of its attempts wrote', async () => {
    connector.log = () => Promise.reject(httpError(503));
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/unavailable/);
    // The CRM has a log of this call that says something else: logged on purpose elsewhere.
    crmHasLogWithNote('Logged from another form');
    connector.log = async () => ({ logId: 'log-new' });
    const reply = await createCallLog(logRequest({ note: 'Edited.' }), deps);
    expect(reply.logId).toBe('log-new');
    expect(connector.logCalls.at(-1)).not.toHaveProperty('replacesLogId');
  });

  it('an earlier attempt that stopped before sending anything leaves the CRM unasked', async () => {
    // The worker stopped after recording the Save, before recording (or sending) an attempt.
    await saveRequests.set('callLog:log-0001', {
      kind: 'callLog',
      startedAt: 1,
      status: 'running',
      createdContact: { id: 900, name: 'Ann Lee', type: 'person' },
    });
    crmHasLogWithNote('Logged from another form');
    connector.log = async () => ({ logId: 'log-new' });
    await expect(createCallLog(logRequest(), deps)).resolves.toMatchObject({ logId: 'log-new' });
    expect(connector.findLogCalls).toHaveLength(0);
    expect(connector.logCalls.at(-1)).not.toHaveProperty('replacesLogId');
  });

  it('records each different attempt once, so a retry asks the CRM once per content', async () => {
    connector.log = () => Promise.reject(httpError(503));
    for (let i = 0; i < 3; i += 1) {
      await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/unavailable/);
    }
    await expect(createCallLog(logRequest({ note: 'Edited.' }), deps)).rejects.toThrow();
    const attempts = (await saveRequests.get('callLog:log-0001'))?.logAttempts ?? [];
    expect(attempts.map((a) => a.note)).toEqual(['Asked about pricing', 'Edited.']);
  });

  it('a retry finds the log its unchanged earlier attempt wrote and writes nothing', async () => {
    connector.log = () => Promise.reject(httpError(503));
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/unavailable/);
    crmHasLogWithNote('Asked about pricing');
    await expect(createCallLog(logRequest(), deps)).resolves.toMatchObject({ logId: 'log-old' });
    expect(connector.logCalls).toHaveLength(1);
  });

  it('asks for an earlier log only when retrying', async () => {
    await createCallLog(logRequest(), deps);
    expect(connector.findLogCalls).toHaveLength(0);
  });

  it('logs once under a double submit', async () => {
    const [a, b] = await Promise.all([
      createCallLog(logRequest(), deps),
      createCallLog(logRequest(), deps),
    ]);
    expect(a).toEqual(b);
    expect(connector.logCalls).toHaveLength(1);
    expect(connector.createCalls).toHaveLength(1);
  });

  it('logs against an existing contact without creating one, and validates the call', async () => {
    await createCallLog(logRequest({ contact: { kind: 'existing', id: 7, name: 'Jane' } }), deps);
    expect(connector.createCalls).toHaveLength(0);
    expect(connector.logCalls[0]?.contact).toEqual({ id: 7, name: 'Jane' });
    await expect(
      createCallLog(logRequest({ requestId: 'log-0002', durationSeconds: -1 }), deps),
    ).rejects.toThrow(/duration/);
  });
});
