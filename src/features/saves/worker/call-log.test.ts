import { beforeEach, describe, expect, it } from 'vitest';
import { matchCache } from '@/platform/storage/keys';
import type { CallLogRequest } from '@/platform/messages';
import { createCallLog } from './call-log';
import {
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
    const log = connector.log;
    connector.log = () => Promise.reject(httpError(502));
    await expect(createCallLog(logRequest(), deps)).rejects.toThrow(/unavailable/);
    connector.log = log;
    const reply = await createCallLog(logRequest(), deps);
    expect(reply.logId).toBe('log-1');
    expect(connector.createCalls).toHaveLength(1);
    expect(connector.logCalls).toHaveLength(2);
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
