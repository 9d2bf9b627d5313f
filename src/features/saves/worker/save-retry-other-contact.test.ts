/**
 * A call-log Save retried against another contact, with the real connectors and emulators: a
 * log an earlier attempt left on the first contact goes, and nothing anyone else saved does.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { insightly } from '@/connectors/insightly';
import { pipedrive } from '@/connectors/pipedrive';
import type { CallLogRequest } from '@/platform/messages';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { settingsItem } from '@/platform/storage/keys';
import {
  INSIGHTLY_CONTACTS,
  INSIGHTLY_LEADS,
  INSIGHTLY_NUMBERS,
  type InsightlyEmulator,
} from '../../../../e2e/emulators/insightly.ts';
import {
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  type PipedriveEmulator,
} from '../../../../e2e/emulators/pipedrive.ts';
import { createCallLog } from './call-log';
import {
  connectInsightly as connectInsightlyTo,
  connectPipedrive as connectPipedriveTo,
  depsFor,
  emulatedCrms,
} from '@/test/engine-crms';
import { call, interruptedLog } from '@/test/engine-logs';

const crms = emulatedCrms();
let pd: PipedriveEmulator;
let is: InsightlyEmulator;
beforeAll(() => {
  ({ pd, is } = crms);
});

const connectPipedrive = () => connectPipedriveTo(pd);
const connectInsightly = () => connectInsightlyTo(is);

describe('a retry against another contact leaves the call one log, on that contact', () => {
  const { carol, dan } = PIPEDRIVE_PERSONS;
  const onCarol = () =>
    call(PIPEDRIVE_NUMBERS.shared, {
      kind: 'existing',
      id: carol.id,
      name: carol.name,
      type: 'person',
    });
  const onDan = (): CallLogRequest => ({
    ...onCarol(),
    contact: { kind: 'existing', id: dan.id, name: dan.name, type: 'person' },
    subject: 'Call with Dan',
  });
  const logsOf = (personId: number) =>
    pd.data.callLogs().filter((log) => log.person_id === personId);

  it('Pipedrive: the log the first attempt left on Carol goes once Dan has his', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    await interruptedLog(onCarol(), pipedrive, deps);
    expect(logsOf(carol.id)).toHaveLength(1);
    const retry = await createCallLog(onDan(), deps);
    expect(pd.data.callLogs()).toEqual([
      expect.objectContaining({ id: retry.logId, person_id: dan.id, subject: 'Call with Dan' }),
    ]);
    expect(pd.log.count({ method: 'DELETE', path: /^\/v1\/callLogs\/[^/]+$/ })).toBe(1);
    expect(retry.returnMessage).toMatchObject({ message: 'Call logged.' });
  });

  it('Pipedrive: when the first attempt never reached Pipedrive, nothing is deleted', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    await interruptedLog(onCarol(), pipedrive, deps, { reached: false });
    // The same call logged on Carol on purpose, with other words: not this Save's.
    await interruptedLog(
      { ...onCarol(), requestId: 'log-other-form-01', note: 'Mine' },
      pipedrive,
      deps,
    );
    const retry = await createCallLog(onDan(), deps);
    expect(logsOf(carol.id)).toEqual([expect.objectContaining({ note: 'Mine' })]);
    expect(logsOf(dan.id)).toHaveLength(1);
    expect(pd.log.count({ method: 'DELETE' })).toBe(0);
    expect(retry.returnMessage).toMatchObject({ message: 'Call logged.' });
  });

  it('Pipedrive: a retry that finds Dan already logged still clears Carol', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    await interruptedLog(onCarol(), pipedrive, deps);
    const dans = await interruptedLog(onDan(), pipedrive, deps);
    const retry = await createCallLog(onDan(), deps);
    expect(retry.logId).toBe(dans?.logId);
    expect(pd.data.callLogs()).toEqual([expect.objectContaining({ person_id: dan.id })]);
    expect(pd.log.count({ method: 'POST', path: '/v1/callLogs' })).toBe(2);
  });

  it('Pipedrive: a refused delete keeps both logs and names the contact to check', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    await interruptedLog(onCarol(), pipedrive, deps);
    pd.faults.add({
      method: 'DELETE',
      path: /^\/v1\/callLogs\/[^/]+$/,
      kind: 'status',
      status: 403,
    });
    const retry = await createCallLog(onDan(), deps);
    expect(logsOf(carol.id)).toHaveLength(1);
    expect(logsOf(dan.id)).toEqual([expect.objectContaining({ id: retry.logId })]);
    expect(retry.returnMessage).toMatchObject({
      messageType: 'warning',
      message: expect.stringContaining('against Carol Diaz') as unknown,
    });
    expect(retry.returnMessage?.message).toContain('look in Pipedrive');
  });

  it('Pipedrive: a log another Save got back stays, even when it says the same', async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    // Form A logs the call on Carol; form B's attempt on Carol, word for word the same, is
    // recorded but never reaches Pipedrive.
    const formA = await createCallLog({ ...onCarol(), requestId: 'log-form-a-0001' }, deps);
    await interruptedLog(onCarol(), pipedrive, deps, { reached: false });
    const retry = await createCallLog(onDan(), deps);
    expect(logsOf(carol.id)).toEqual([expect.objectContaining({ id: formA.logId })]);
    expect(logsOf(dan.id)).toEqual([expect.objectContaining({ id: retry.logId })]);
    expect(pd.log.count({ method: 'DELETE' })).toBe(0);
    // Nor does a retry on Carol with an edit take form A's log for its own to replace.
    await interruptedLog({ ...onCarol(), requestId: 'log-form-c-0003' }, pipedrive, deps, {
      reached: false,
    });
    const formC = await createCallLog(
      { ...onCarol(), requestId: 'log-form-c-0003', note: 'Wants a quote by Friday' },
      deps,
    );
    expect(logsOf(carol.id).map((log) => log.id)).toEqual([formA.logId, formC.logId]);
    expect(pd.log.count({ method: 'DELETE' })).toBe(0);
  });

  it('Pipedrive: the contact an engine-recorded attempt used is named when its log stays', async () => {
    await connectPipedrive();
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 3 });
    const deps = depsFor(pipedrive);
    // Pipedrive stores the log but answers after CallPop has given up.
    pd.faults.add({ method: 'POST', path: '/v1/callLogs', kind: 'delay', delayMs: 3_500 });
    await expect(createCallLog(onCarol(), deps)).rejects.toThrow('may or may not have been saved');
    await vi.waitFor(() => expect(logsOf(carol.id)).toHaveLength(1), { timeout: 3_000 });
    pd.faults.add({ method: 'DELETE', kind: 'status', status: 403 });
    const retry = await createCallLog(onDan(), deps);
    expect(logsOf(carol.id)).toHaveLength(1);
    expect(retry.returnMessage).toEqual({
      message:
        'Call logged. An earlier attempt of this Save may also have logged the call against Carol Diaz, and CallPop could not check or remove it: look in Pipedrive and delete any copy there.',
      messageType: 'warning',
      ttl: 8000,
    });
  }, 15_000);

  it("Pipedrive: both warnings are said when Dan's old copy and Carol's both stay", async () => {
    await connectPipedrive();
    const deps = depsFor(pipedrive);
    await interruptedLog(onCarol(), pipedrive, deps);
    await interruptedLog(onDan(), pipedrive, deps);
    pd.faults.add({ method: 'DELETE', kind: 'status', status: 403, times: 2 });
    const retry = await createCallLog({ ...onDan(), note: 'Call back Friday' }, deps);
    expect(pd.data.callLogs()).toHaveLength(3);
    expect(retry.returnMessage?.message).toMatch(
      /^Call logged with your changes, but Pipedrive still has the copy .* against Carol Diaz,/,
    );
  });

  it('Insightly: a contact and a lead sharing an id are two contacts', async () => {
    await connectInsightly();
    await settingsItem.set({ ...DEFAULT_SETTINGS, requestTimeoutSeconds: 3 });
    const deps = depsFor(insightly);
    const { peter } = INSIGHTLY_CONTACTS;
    const sam = is.data.lead(INSIGHTLY_LEADS.sam.id)!;
    sam.LEAD_ID = peter.id; // Insightly numbers contacts and leads apart
    const onSam = call(INSIGHTLY_NUMBERS.peterSam, {
      kind: 'existing',
      id: peter.id,
      name: 'Sam Rivera',
      type: 'Lead',
    });
    // Insightly stores the note on the lead but answers after CallPop has given up.
    is.faults.add({ method: 'POST', path: /\/Notes$/, kind: 'delay', delayMs: 3_500 });
    await expect(createCallLog(onSam, deps)).rejects.toThrow('may or may not have been saved');
    await vi.waitFor(() => expect(is.data.notes()).toHaveLength(1), { timeout: 3_000 });
    const retry = await createCallLog(
      {
        ...onSam,
        contact: { kind: 'existing', id: peter.id, name: 'Peter Novak', type: 'Contact' },
      },
      deps,
    );
    expect(is.data.notes()).toEqual([
      expect.objectContaining({ NOTE_ID: Number(retry.logId), LINK_SUBJECT_TYPE: 'Contact' }),
    ]);
  }, 15_000);

  it('Insightly: a first contact deleted since leaves nothing to warn about', async () => {
    await connectInsightly();
    const deps = depsFor(insightly);
    const { peter } = INSIGHTLY_CONTACTS;
    const { sam } = INSIGHTLY_LEADS;
    const first = call(INSIGHTLY_NUMBERS.peterSam, {
      kind: 'existing',
      id: peter.id,
      name: 'Peter Novak',
      type: 'Contact',
    });
    await interruptedLog(first, insightly, deps);
    is.data.deleteContact(peter.id);
    const retry = await createCallLog(
      { ...first, contact: { kind: 'existing', id: sam.id, name: 'Sam Rivera', type: 'Lead' } },
      deps,
    );
    expect(retry.returnMessage).toMatchObject({ message: 'Call logged.' });
    expect(is.log.last({ path: /\/Contacts\/\d+\/Notes/ })?.status).toBe(404);
  });

  it('Insightly: the note left on contact Peter goes once lead Sam has the call', async () => {
    await connectInsightly();
    const deps = depsFor(insightly);
    const { peter } = INSIGHTLY_CONTACTS;
    const { sam } = INSIGHTLY_LEADS;
    const first = call(INSIGHTLY_NUMBERS.peterSam, {
      kind: 'existing',
      id: peter.id,
      name: 'Peter Novak',
      type: 'Contact',
    });
    await interruptedLog(first, insightly, deps);
    const retry = await createCallLog(
      { ...first, contact: { kind: 'existing', id: sam.id, name: 'Sam Rivera', type: 'Lead' } },
      deps,
    );
    expect(is.data.notes()).toEqual([
      expect.objectContaining({
        NOTE_ID: Number(retry.logId),
        LINK_SUBJECT_TYPE: 'Lead',
        LINK_SUBJECT_ID: sam.id,
      }),
    ]);
    expect(is.log.count({ method: 'DELETE' })).toBe(1);
  });
});
