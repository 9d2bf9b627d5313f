import { beforeEach, describe, expect, it } from 'vitest';
import { createCallLog } from '@/features/saves/worker/call-log';
import { lookupContact } from './lookup';
import { connectedEngine, type FakeConnector, type TestDeps } from '@/test/engine';

// Connectors refuse what they cannot send with a plain-words Error (see names.ts, auth.ts).
const UNREADABLE = 'The saved Pipedrive credentials are unreadable. Connect Pipedrive again.';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

describe("a connector's own plain-words refusal", () => {
  it('is what a lookup says, not "could not reach" the CRM', async () => {
    connector.find = () => Promise.reject(new Error(UNREADABLE));
    const result = await lookupContact({ phoneNumber: '+14155550102' }, deps);
    expect(result.source).toBe('none');
    expect(result.returnMessage?.messageType).toBe('danger');
    expect(JSON.stringify(result.returnMessage)).toContain(UNREADABLE);
    expect(result.returnMessage?.message).not.toMatch(/Could not reach/);
  });

  it('is what a failed Save says', async () => {
    connector.log = () => Promise.reject(new Error('Choose a Pipedrive person to log against.'));
    const saving = createCallLog(
      {
        requestId: 'log-0301',
        phoneNumber: '+14155550102',
        contact: { kind: 'existing', id: 'x', name: 'Jane' },
        direction: 'Inbound',
        startTime: 1_700_000_000_000,
        durationSeconds: 1,
        result: 'connected',
        subject: 'Call',
        note: '',
        additionalSubmission: {},
      },
      deps,
    );
    await expect(saving).rejects.toMatchObject({
      code: 'crm_error',
      message: expect.stringContaining('Choose a Pipedrive person to log against.') as unknown,
    });
    await expect(saving).rejects.not.toThrow(/Could not reach/);
  });
});
