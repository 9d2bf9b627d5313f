/**
 * Retried Saves against the CRM emulators, with the real connectors: the first attempt reached
 * the CRM but the worker stopped before recording it (its state stays "running").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insightly } from '@/connectors/insightly';
import { pipedrive } from '@/connectors/pipedrive';
import { saveRequests } from '@/platform/storage/keys';
import {
  INSIGHTLY_CONTACTS,
  INSIGHTLY_NUMBERS,
  type InsightlyEmulator,
} from '../../../../e2e/emulators/insightly.ts';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_LEADS,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  type PipedriveEmulator,
} from '../../../../e2e/emulators/pipedrive.ts';
import { loadAccount } from '@/features/lookup/worker/account';
import { createCallLog } from './call-log';
import { createContact } from './create';
import { lookupContact } from '@/features/lookup/worker/lookup';
import { call, interruptedLog } from '@/test/engine-logs';
import {
  connectInsightly as connectInsightlyTo,
  connectPipedrive as connectPipedriveTo,
  depsFor,
  emulatedCrms,
} from '@/test/engine-crms';

const crms = emulatedCrms();
let pd: PipedriveEmulator;
let is: InsightlyEmulator;
beforeAll(() => {
  ({ pd, is } = crms);
});

const connectPipedrive = () => connectPipedriveTo(pd);
const connectInsightly = () => connectInsightlyTo(is);

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

describe('a Save Pipedrive would refuse', () => {
  it('can be saved from the same form once the person fixes what was refused', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    const both = { deals: PIPEDRIVE_DEALS.bobOpen.id, leads: PIPEDRIVE_LEADS.bob.id };
    const first = { ...bobCall(), additionalSubmission: both };
    await expect(createCallLog(first, deps)).rejects.toThrow('not both: clear one of them');
    // Same form (same request id), the lead cleared as the message says.
    const retry = await createCallLog(
      { ...first, additionalSubmission: { ...both, leads: '' } },
      deps,
    );
    expect(pd.data.callLogs()).toEqual([
      expect.objectContaining({ id: retry.logId, deal_id: both.deals, lead_id: null }),
    ]);
  });
});

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
    expect(retry.logId).toBe(saved?.logId);
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
    expect(retry.logId).toBe(saved?.logId);
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
      expect(pd.log.count({ method: 'POST', path: '/api/v2/persons' })).toBe(1);
      expect(pd.data.persons().filter((p) => p.name === 'Ann Lee')).toHaveLength(1);
      const after = await lookupContact({ phoneNumber: NEW }, deps);
      expect(after.source).toBe('cache');
      expect(after.contacts.map((c) => c.id)).toEqual([reply.contact.id]);
    });
  }
});
