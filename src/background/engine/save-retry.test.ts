/**
 * Retried Saves against the CRM emulators, with the real connectors: the first attempt reached
 * the CRM but the worker stopped before recording it (its state stays "running").
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insightly } from '@/connectors/insightly';
import { pipedrive } from '@/connectors/pipedrive';
import type { Connector, CreateCallLogArgs } from '@/connectors/types';
import type { Connection } from '@/shared/connection';
import type { CallLogRequest } from '@/shared/messages';
import { DEFAULT_SETTINGS } from '@/shared/settings';
import { connectionItem, saveRequests, settingsItem } from '@/shared/storage/keys';
import {
  INSIGHTLY_API_KEY,
  INSIGHTLY_CONTACTS,
  INSIGHTLY_NUMBERS,
  startInsightly,
  type InsightlyEmulator,
} from '../../../e2e/emulators/insightly.ts';
import {
  PIPEDRIVE_API_TOKEN,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  PIPEDRIVE_USER,
  startPipedrive,
  type PipedriveEmulator,
} from '../../../e2e/emulators/pipedrive.ts';
import { loadAccount } from './account';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { realClock, type EngineDeps } from './deps';
import { lookupContact } from './lookup';

let pd: PipedriveEmulator;
let is: InsightlyEmulator;
beforeAll(async () => {
  [pd, is] = await Promise.all([startPipedrive(), startInsightly()]);
});
afterAll(async () => {
  await Promise.all([pd.close(), is.close()]);
});
beforeEach(() => {
  pd.reset();
  is.reset();
});

const depsFor = (connector: Connector): EngineDeps => ({
  ...realClock,
  getConnector: () => connector,
  listConnectors: () => [connector],
});

async function connect(connection: Pick<Connection, 'platform' | 'hostname' | 'credentials'>) {
  await connectionItem.set({
    ...connection,
    accountId: 'acct1',
    userId: String(PIPEDRIVE_USER.id),
    userName: 'Dana',
    connectedAt: 1,
  });
  await settingsItem.set({ ...DEFAULT_SETTINGS });
}
const connectPipedrive = () =>
  connect({
    platform: 'pipedrive',
    hostname: pd.url,
    credentials: { kind: 'apiToken', token: PIPEDRIVE_API_TOKEN },
  });
const connectInsightly = () =>
  connect({
    platform: 'insightly',
    hostname: is.url,
    credentials: { kind: 'apiKey', apiKey: INSIGHTLY_API_KEY },
  });

/** What the stopped first attempt had already written, and its "running" record. */
async function interruptedLog(request: CallLogRequest, connector: Connector, deps: EngineDeps) {
  const contact = request.contact as { id: number; name: string; type: string };
  // As the engine leaves it: the attempt recorded before it was sent (engine/call-log.ts).
  await saveRequests.set(`callLog:${request.requestId}`, {
    kind: 'callLog',
    startedAt: Date.now(),
    status: 'running',
    logAttempts: [
      {
        contactId: String(contact.id),
        subject: request.subject,
        note: request.note,
        durationSeconds: request.durationSeconds,
        result: request.result,
        additionalSubmission: request.additionalSubmission ?? {},
      },
    ],
  });
  const { user, authHeader } = await loadAccount(deps);
  const args: CreateCallLogArgs = {
    user,
    authHeader,
    contact: { id: contact.id, name: contact.name, type: contact.type },
    call: {
      direction: request.direction,
      phoneNumber: request.phoneNumber,
      startTime: request.startTime,
      durationSeconds: request.durationSeconds,
      result: request.result,
    },
    subject: request.subject,
    note: request.note,
    additionalSubmission: request.additionalSubmission ?? {},
  };
  return connector.createCallLog(args);
}

const call = (phoneNumber: string, contact: CallLogRequest['contact']): CallLogRequest => ({
  requestId: 'log-retry-0001',
  phoneNumber,
  contact,
  direction: 'Inbound',
  startTime: Date.UTC(2025, 0, 1, 10),
  durationSeconds: 30,
  result: 'connected',
  subject: 'Inbound call',
  note: 'Wants a quote',
  additionalSubmission: {},
});

/** A call with Bob, logged against his Pipedrive person. */
const bobCall = () => {
  const { bob } = PIPEDRIVE_PERSONS;
  return call(PIPEDRIVE_NUMBERS.bob, {
    kind: 'existing',
    id: bob.id,
    name: bob.name,
    type: 'person',
  });
};

describe('a retried call log keeps what the user edited in between, in one log', () => {
  it('Pipedrive: the edited log replaces the earlier one', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    const first = bobCall();
    await interruptedLog(first, pipedrive, deps);
    const retry = await createCallLog(
      { ...first, subject: 'Quote call', note: 'Wants a quote. Call back Friday 3pm.' },
      deps,
    );
    expect(pd.data.callLogs()).toEqual([
      expect.objectContaining({
        id: retry.logId,
        subject: 'Quote call',
        note: 'Wants a quote. Call back Friday 3pm.',
      }),
    ]);
    expect(retry.returnMessage).toMatchObject({ message: 'Call logged.' });
  });

  it('Pipedrive: an unchanged retry writes nothing new', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    const first = bobCall();
    const saved = await interruptedLog(first, pipedrive, deps);
    const retry = await createCallLog(first, deps);
    expect(retry.logId).toBe(saved.logId);
    expect(pd.log.count({ method: 'POST', path: '/v1/callLogs' })).toBe(1);
    expect(pd.log.count({ method: 'DELETE' })).toBe(0);
  });

  it('Insightly: the earlier note is rewritten with the edit', async () => {
    await connectInsightly();
    const deps = depsFor(insightly);
    const { peter } = INSIGHTLY_CONTACTS;
    const first = call(INSIGHTLY_NUMBERS.peterSam, {
      kind: 'existing',
      id: peter.id,
      name: 'Peter Novak',
      type: 'Contact',
    });
    const saved = await interruptedLog(first, insightly, deps);
    const retry = await createCallLog({ ...first, note: 'Wants a quote. Call back Friday.' }, deps);
    expect(retry.logId).toBe(saved.logId);
    expect(is.data.notes()).toEqual([
      expect.objectContaining({ BODY: expect.stringMatching(/Call back Friday\.$/) as unknown }),
    ]);
  });
});

describe('a retried contact create makes no second contact', () => {
  const NEW = '+14155550777';
  const request = {
    phoneNumber: NEW,
    newContactName: 'Ann  Lee',
    newContactType: 'person',
    requestId: 'req-retry-0001',
  };

  for (const indexDelayMs of [0, 60_000]) {
    it(`Pipedrive, with the search index ${indexDelayMs ? 'behind' : 'caught up'}`, async () => {
      await connectPipedrive();
      pd.data.setIndexDelay(indexDelayMs);
      const deps = depsFor(pipedrive);
      const before = await lookupContact({ phoneNumber: NEW }, deps); // caches "no match"
      expect(before.contacts).toEqual([]);
      await saveRequests.set(`contact:${request.requestId}`, {
        kind: 'contact',
        startedAt: Date.now(),
        status: 'running',
      });
      const { user, authHeader } = await loadAccount(deps);
      await pipedrive.createContact({ ...request, user, authHeader });

      const reply = await createContact(request, deps);
      expect(pd.log.count({ method: 'POST', path: '/v1/persons' })).toBe(1);
      expect(pd.data.persons().filter((p) => p.name === 'Ann Lee')).toHaveLength(1);
      const after = await lookupContact({ phoneNumber: NEW }, deps);
      expect(after.source).toBe('cache');
      expect(after.contacts.map((c) => c.id)).toEqual([reply.contact.id]);
    });
  }
});
