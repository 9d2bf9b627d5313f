import { beforeEach, describe, expect, it } from 'vitest';
import type { CallLogRequest } from '@/platform/messages';
import { saveRequests } from '@/platform/storage/keys';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { LATE_WRITE_GRACE_MS } from './late-write';
import { call } from '@/test/engine-logs';
import {
  connectedEngine,
  httpError,
  NUMBER,
  type FakeConnector,
  type TestDeps,
} from '@/test/engine';

let connector: FakeConnector;
let deps: TestDeps;

beforeEach(async () => {
  ({ connector, deps } = await connectedEngine());
});

const timeout = () =>
  Object.assign(new Error('timeout'), { isAxiosError: true, code: 'ECONNABORTED' });

const logRequest: CallLogRequest = {
  ...call(NUMBER, { kind: 'existing', id: 7, name: 'Jane Roe', type: 'person' }),
  requestId: 'log-late-01',
};

describe('a retry soon after a Save whose outcome was unclear', () => {
  it('waits for a log the CRM stores late, and finds it instead of writing a second', async () => {
    const landsAt = deps.clock.now + 4_000;
    connector.log = () => Promise.reject(timeout());
    await expect(createCallLog(logRequest, deps)).rejects.toThrow('may or may not');
    // The person presses Save again a second later; the CRM stores the first log at 4 s.
    deps.clock.now += 1_000;
    connector.findLog = () =>
      Promise.resolve(deps.clock.now >= landsAt ? { logId: 'late-1' } : null);
    connector.log = () => Promise.resolve({ logId: 'second' });
    const reply = await createCallLog(logRequest, deps);
    expect(reply.logId).toBe('late-1');
    expect(connector.logCalls).toHaveLength(1);
    expect(deps.slept).toEqual([LATE_WRITE_GRACE_MS - 1_000]);
  });

  it('waits for a contact the CRM creates late, and finds it instead of creating a second', async () => {
    const request = {
      phoneNumber: NUMBER,
      newContactName: 'Ann Lee',
      newContactType: 'person',
      requestId: 'create-late-01',
    };
    const landsAt = deps.clock.now + 4_000;
    connector.create = () => Promise.reject(timeout());
    await expect(createContact(request, deps)).rejects.toThrow('may or may not');
    deps.clock.now += 1_000;
    connector.findCreated = () =>
      Promise.resolve(
        deps.clock.now >= landsAt
          ? { id: 901, name: 'Ann Lee', type: 'person', createdDate: deps.clock.now - 5_000 }
          : null,
      );
    const reply = await createContact(request, deps);
    expect(reply.contact).toMatchObject({ id: 901, name: 'Ann Lee' });
    expect(connector.createCalls).toHaveLength(1);
  });

  it('does not wait after a refusal, which stored nothing, nor long after the timeout', async () => {
    connector.log = () => Promise.reject(httpError(400));
    await expect(createCallLog(logRequest, deps)).rejects.toThrow('refused');
    connector.log = () => Promise.resolve({ logId: 'only' });
    await createCallLog(logRequest, deps);
    expect(deps.slept).toEqual([]);

    connector.log = () => Promise.reject(timeout());
    const again = { ...logRequest, requestId: 'log-late-02' };
    await expect(createCallLog(again, deps)).rejects.toThrow('may or may not');
    deps.clock.now += LATE_WRITE_GRACE_MS;
    connector.log = () => Promise.resolve({ logId: 'later' });
    await createCallLog(again, deps);
    expect(deps.slept).toEqual([]);
  });

  it('waits after an attempt cut off mid-Save (a stopped worker left it running)', async () => {
    await saveRequests.set('callLog:log-late-03', {
      kind: 'callLog',
      startedAt: deps.clock.now,
      status: 'running',
    });
    deps.clock.now += 2_000;
    await createCallLog({ ...logRequest, requestId: 'log-late-03' }, deps);
    expect(deps.slept).toEqual([LATE_WRITE_GRACE_MS - 2_000]);
  });

  it('keeps waiting for an unclear attempt when a later one failed clearly', async () => {
    const request = { ...logRequest, requestId: 'log-late-04' };
    connector.log = () => Promise.reject(timeout());
    await expect(createCallLog(request, deps)).rejects.toThrow('may or may not');
    const unclearAt = deps.clock.now;
    connector.log = () => Promise.reject(httpError(400));
    await expect(createCallLog(request, deps)).rejects.toThrow('refused');
    expect((await saveRequests.get('callLog:log-late-04'))?.unclearAt).toBe(unclearAt);
  });

  it('never waits longer than the grace, even if the clock went back', async () => {
    connector.log = () => Promise.reject(timeout());
    await expect(createCallLog(logRequest, deps)).rejects.toThrow('may or may not');
    deps.clock.now -= 3_600_000;
    connector.log = () => Promise.resolve({ logId: 'after' });
    await createCallLog(logRequest, deps);
    expect(deps.slept).toEqual([LATE_WRITE_GRACE_MS]);
  });

  it('does not wait after a failed search for an earlier attempt, which stored nothing', async () => {
    connector.log = () => Promise.reject(httpError(400));
    await expect(createCallLog(logRequest, deps)).rejects.toThrow('refused');
    // The retry's search for the earlier attempt's log times out: nothing was written by it.
    connector.findLog = () => Promise.reject(timeout());
    await expect(createCallLog(logRequest, deps)).rejects.toThrow('may or may not');
    expect((await saveRequests.get('callLog:log-late-01'))?.unclearAt).toBeUndefined();
  });
});
