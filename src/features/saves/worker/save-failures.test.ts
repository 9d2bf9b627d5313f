import { beforeEach, describe, expect, it } from 'vitest';
import type { CallLogRequest } from '@/platform/messages';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { lookupContact } from '@/features/lookup/worker/lookup';
import { matchCache } from '@/platform/storage/keys';
import {
  connectedEngine,
  found,
  httpError,
  KEY,
  NUMBER,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';
import { HttpError } from '@/platform/worker/http/client';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

/** An HTTP error whose body carries the CRM's own words, as Pipedrive sends them. */
function crmError(status: number, error: string): Error {
  const failure = httpError(status) as Error & { response: { data: unknown } };
  failure.response.data = { success: false, error, errorCode: status };
  return failure;
}

/** The message a Save fails with (it must fail). */
async function failure(saving: Promise<unknown>): Promise<string> {
  const error: unknown = await saving.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('The save did not fail.');
  return error.message;
}

const timeout = () => new HttpError('timeout', 'timeout');

const logRequest = (extra: Partial<CallLogRequest> = {}): CallLogRequest => ({
  requestId: 'log-0101',
  phoneNumber: NUMBER,
  contact: { kind: 'existing', id: 7, name: 'Jane Roe', type: 'person' },
  direction: 'Inbound',
  startTime: 1_700_000_000_000,
  durationSeconds: 42,
  result: 'connected',
  subject: 'Call',
  note: 'Wants a quote',
  additionalSubmission: {},
  ...extra,
});

const saveContact = (requestId = 'req-0101') =>
  createContact(
    { phoneNumber: NUMBER, newContactName: 'Ann Lee', newContactType: 'person', requestId },
    deps,
  );

describe('Save failures are worded for saves', () => {
  it('a 404 on a call log says the record is gone, not that the address is wrong', async () => {
    connector.log = () => Promise.reject(crmError(404, 'Person not found'));
    const error = await failure(createCallLog(logRequest(), deps));
    expect(error).toMatch(/no longer has the record this call was being logged against/);
    expect(error).toContain('Pipedrive said: "Person not found".');
    expect(error).not.toMatch(/domain or API URL|Refresh/);
  });

  it('a 404 on a call log drops the cached answer that offered the gone record', async () => {
    connector.find = () => Promise.resolve(found([{ id: 7, name: 'Jane Roe', type: 'person' }]));
    await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(await matchCache.get(KEY)).toBeDefined();
    connector.log = () => Promise.reject(crmError(404, 'Person not found'));
    await failure(createCallLog(logRequest(), deps));
    expect(await matchCache.get(KEY)).toBeUndefined();
    // Looking the number up again asks the CRM, which no longer has her.
    connector.find = () => Promise.resolve(found([]));
    const again = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(again.contacts).toEqual([]);
    expect(connector.findCalls).toHaveLength(2);
  });

  it('other log failures keep the cached answer', async () => {
    connector.find = () => Promise.resolve(found([{ id: 7, name: 'Jane Roe', type: 'person' }]));
    await lookupContact({ phoneNumber: NUMBER }, deps);
    connector.log = () => Promise.reject(crmError(400, 'Subject is too long'));
    await failure(createCallLog(logRequest(), deps));
    expect(await matchCache.get(KEY)).toBeDefined();
  });

  it("a 400 says the CRM refused the save, in the CRM's own words", async () => {
    connector.create = () => Promise.reject(crmError(400, 'Name must be given.'));
    const error = await failure(saveContact());
    expect(error).toBe(
      'Pipedrive refused to save the contact: "Name must be given.". Check what you entered, then Save again.',
    );
    expect(error).not.toMatch(/search|phone number formats/);
    connector.create = () => Promise.reject(httpError(400));
    const bare = await failure(saveContact('req-0102'));
    expect(bare).toBe(
      'Pipedrive refused to save the contact. Check what you entered, then Save again.',
    );
  });

  it("never shows the account's token, even when the CRM echoes it", async () => {
    connector.log = () => Promise.reject(crmError(400, 'Bad key secret-token-123 for this call'));
    const error = await failure(createCallLog(logRequest(), deps));
    expect(error).not.toContain('secret-token-123');
    expect(error).toContain('"Bad key [hidden] for this call"');
  });

  it('a timeout says it may or may not be saved and that saving again is safe', async () => {
    connector.log = () => Promise.reject(timeout());
    const error = await failure(createCallLog(logRequest(), deps));
    expect(error).toBe(
      'Pipedrive did not answer in time, so the call log may or may not have been saved. Saving again is safe: CallPop first checks what was already saved.',
    );
    expect(error).not.toMatch(/Refresh/);
  });

  it('lookups keep their own wording', async () => {
    connector.find = () => Promise.reject(httpError(404));
    const result = await lookupContact({ phoneNumber: NUMBER }, deps);
    expect(result.returnMessage?.message).toBe('The Pipedrive domain or API URL looks wrong');
  });
});
