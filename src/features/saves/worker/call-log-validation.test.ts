import { beforeEach, describe, expect, it } from 'vitest';
import type { CallLogRequest } from '@/platform/messages';
import { createCallLog } from './call-log';
import { connectedEngine, type FakeConnector, type TestDeps } from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

const request = (extra: Record<string, unknown>): CallLogRequest => ({
  requestId: 'log-0101',
  phoneNumber: '+14155550102',
  contact: { kind: 'existing', id: 7, name: 'Jane' },
  direction: 'Inbound',
  startTime: 1_700_000_000_000,
  durationSeconds: 42,
  result: 'connected',
  subject: 'Call',
  note: '',
  additionalSubmission: {},
  ...extra,
});

describe('createCallLog: a payload of the wrong shape gets bad_request in plain words', () => {
  it.each([
    ['an unknown contact kind', { contact: { kind: 'maybe', name: 'Ann' } }, /Choose the contact/],
    [
      'an existing contact with an empty id',
      { contact: { kind: 'existing', id: '', name: 'J' } },
      /Choose the contact/,
    ],
    [
      'an existing contact whose name is not text',
      { contact: { kind: 'existing', id: 7, name: 7 } },
      /Choose the contact/,
    ],
    [
      'an extra field that is not text or a number',
      { additionalSubmission: { deals: { id: 3 } } },
      /extra log fields/,
    ],
  ])('%s', async (_, extra, message) => {
    await expect(createCallLog(request(extra), deps)).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(message) as unknown,
    });
    expect(connector.createCalls).toHaveLength(0);
    expect(connector.logCalls).toHaveLength(0);
  });
});
