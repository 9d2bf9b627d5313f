/** Pipedrive call logs: writing one, finding an earlier attempt's, replacing and deleting. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_LEADS,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  startPipedrive,
  type PipedriveEmulator,
} from '../../../e2e/emulators/pipedrive.ts';
import type { CreateCallLogArgs } from '../types';
import { pipedrive } from './index';
import { EARLIER_LOG_KEPT, MAX_CALL_LOG_PAGES } from './write';
import { TOKEN_AUTH, userFor } from './test-support';

let pd: PipedriveEmulator;
beforeAll(async () => {
  pd = await startPipedrive();
});
afterAll(() => pd.close());
beforeEach(() => pd.reset());

const { bob } = PIPEDRIVE_PERSONS;

function logArgs(overrides: Partial<CreateCallLogArgs['call']> = {}): CreateCallLogArgs {
  return {
    user: userFor(pd),
    authHeader: TOKEN_AUTH,
    contact: { id: bob.id, name: bob.name, type: 'person' },
    call: {
      direction: 'Inbound',
      phoneNumber: PIPEDRIVE_NUMBERS.bob,
      ownNumber: '+14155550000',
      startTime: Date.UTC(2024, 4, 6, 7, 8, 9),
      durationSeconds: 125,
      result: 'connected',
      ...overrides,
    },
    subject: 'Call with Bob',
    note: 'Wants 20 arms',
    additionalSubmission: { deals: PIPEDRIVE_DEALS.bobOpen.id },
  };
}

describe('pipedrive createCallLog', () => {
  it('posts the call with outcome, numbers, UTC times, note and deal', async () => {
    const result = await pipedrive.createCallLog(logArgs());

    expect(pd.log.last({ path: '/v1/callLogs' })?.body).toEqual({
      person_id: bob.id,
      subject: 'Call with Bob',
      duration: '125',
      outcome: 'connected',
      from_phone_number: PIPEDRIVE_NUMBERS.bob,
      to_phone_number: '+14155550000',
      start_time: '2024-05-06 07:08:09',
      end_time: '2024-05-06 07:10:14',
      note: 'Wants 20 arms',
      deal_id: PIPEDRIVE_DEALS.bobOpen.id,
    });
    expect(pd.data.callLogs().map((l) => l.id)).toEqual([result.logId]);
  });

  it('sends the note as the HTML Pipedrive expects, and still finds that log again', async () => {
    const note = 'Price < 5 & "fast"\r\nCall back <Friday>\nBye';
    const saved = await pipedrive.createCallLog({ ...logArgs(), note });
    expect(pd.log.last({ path: '/v1/callLogs' })?.body).toMatchObject({
      note: 'Price &lt; 5 &amp; "fast"<br>Call back &lt;Friday&gt;<br>Bye',
    });
    await expect(pipedrive.findCallLog!({ ...logArgs(), note })).resolves.toEqual({
      logId: saved.logId,
    });
  });

  it('knows its log again when Pipedrive stored the note as cleaned HTML', async () => {
    const note = 'Price < 5 & "fast"\nCall back <Friday>';
    const saved = await pipedrive.createCallLog({ ...logArgs(), note });
    const stored = pd.data.callLogs().find((l) => l.id === saved.logId)!;
    stored.note = '<p>Price &lt; 5 &amp; &quot;fast&quot;<br />Call back &lt;Friday&gt;</p>';
    await expect(pipedrive.findCallLog!({ ...logArgs(), note })).resolves.toEqual({
      logId: saved.logId,
    });
    // A note that says something else is still an outdated log, not this one.
    await expect(
      pipedrive.findCallLog!({ ...logArgs(), note: 'Price < 6 & "fast"\nCall back <Friday>' }),
    ).resolves.toEqual({ logId: saved.logId, outdated: true });
  });

  it('an attempt Pipedrive would refuse left no log: looking for it asks nothing', async () => {
    const both = { deals: PIPEDRIVE_DEALS.bobOpen.id, leads: PIPEDRIVE_LEADS.bob.id };
    const before = pd.log.entries.length;
    await expect(
      pipedrive.findCallLog!({ ...logArgs(), additionalSubmission: both }),
    ).resolves.toBeNull();
    expect(pd.log.entries.length).toBe(before);
  });

  it('links the call to a lead when a lead is chosen instead of a deal', async () => {
    const leads = PIPEDRIVE_LEADS.bob.id;
    await pipedrive.createCallLog({ ...logArgs(), additionalSubmission: { deals: '', leads } });
    const body = pd.log.last({ path: '/v1/callLogs' })?.body;
    expect(body).toMatchObject({ lead_id: leads });
    expect(body).not.toHaveProperty('deal_id');
  });

  it('refuses a deal and a lead together, which Pipedrive does not link to one call', async () => {
    const both = { deals: PIPEDRIVE_DEALS.bobOpen.id, leads: PIPEDRIVE_LEADS.bob.id };
    await expect(
      pipedrive.createCallLog({ ...logArgs(), additionalSubmission: both }),
    ).rejects.toThrow('Pipedrive links a call to a deal or to a lead, not both');
    expect(pd.log.last({ path: '/v1/callLogs' })).toBeUndefined();
  });

  it('maps outbound missed calls and leaves out unchosen deal and lead', async () => {
    const args = logArgs({ direction: 'Outbound', result: 'missed', durationSeconds: 0 });
    await pipedrive.createCallLog({ ...args, additionalSubmission: { deals: '' } });

    const body = pd.log.last({ path: '/v1/callLogs' })?.body;
    expect(body).toMatchObject({
      outcome: 'no_answer',
      from_phone_number: '+14155550000',
      to_phone_number: PIPEDRIVE_NUMBERS.bob,
      duration: '0',
    });
    expect(body).not.toHaveProperty('deal_id');
    expect(body).not.toHaveProperty('lead_id');
  });

  it('refuses a deal id that is not a number instead of dropping the deal', async () => {
    const before = pd.data.callLogs().length;
    await expect(
      pipedrive.createCallLog({ ...logArgs(), additionalSubmission: { deals: 'deal-7' } }),
    ).rejects.toThrow('"deal-7" is not a Pipedrive deal. Choose the deal again.');
    expect(pd.data.callLogs()).toHaveLength(before);
    expect(pd.log.last({ path: '/v1/callLogs' })).toBeUndefined();
  });

  it("finds the log an earlier attempt saved among the user's latest, and no other", async () => {
    await expect(pipedrive.findCallLog!(logArgs())).resolves.toBeNull();
    const saved = await pipedrive.createCallLog(logArgs());
    await pipedrive.createCallLog(logArgs({ startTime: Date.UTC(2024, 4, 6, 9, 0, 0) }));
    await expect(pipedrive.findCallLog!(logArgs())).resolves.toEqual({ logId: saved.logId });
    await expect(
      pipedrive.findCallLog!(logArgs({ startTime: Date.UTC(2024, 4, 6, 10, 0, 0) })),
    ).resolves.toBeNull();
    expect(pd.log.last({ method: 'GET', path: '/v1/callLogs' })?.query).toMatchObject({
      start: '0',
      limit: '50',
    });
  });

  /** `count` logs of other calls, then the one an earlier attempt saved for this call. */
  async function historyThenEarlierAttempt(count: number): Promise<string> {
    for (let i = 0; i < count; i += 1) {
      pd.data.addCallLog({
        subject: `Old call ${i}`,
        duration: '60',
        outcome: 'connected',
        from_phone_number: '+14155550000',
        to_phone_number: PIPEDRIVE_NUMBERS.bob,
        start_time: '2024-01-01 09:00:00',
        end_time: '2024-01-01 09:01:00',
        activity_id: null,
        person_id: bob.id,
        org_id: null,
        deal_id: null,
        lead_id: null,
        note: '',
      });
    }
    return (await pipedrive.createCallLog(logArgs())).logId;
  }

  const logListRequests = () => pd.log.find({ method: 'GET', path: '/v1/callLogs' }).length;

  it('finds the earlier attempt on the first page when Pipedrive lists newest first', async () => {
    const saved = await historyThenEarlierAttempt(120);
    pd.log.clear();
    await expect(pipedrive.findCallLog!(logArgs())).resolves.toEqual({ logId: saved });
    expect(logListRequests()).toBe(1);
  });

  for (const count of [120, 149, 150, 1234]) {
    it(`finds it at the end when Pipedrive lists oldest first (${count} older logs)`, async () => {
      pd.data.callLogOrder = 'oldestFirst';
      const saved = await historyThenEarlierAttempt(count);
      pd.log.clear();
      await expect(pipedrive.findCallLog!(logArgs())).resolves.toEqual({ logId: saved });
      expect(logListRequests()).toBeLessThanOrEqual(MAX_CALL_LOG_PAGES);
    });
  }

  it('answers "none" within its request budget when no log matches', async () => {
    pd.data.callLogOrder = 'oldestFirst';
    await historyThenEarlierAttempt(2000);
    pd.log.clear();
    const other = logArgs({ startTime: Date.UTC(2024, 4, 6, 11, 0, 0) });
    await expect(pipedrive.findCallLog!(other)).resolves.toBeNull();
    expect(logListRequests()).toBeLessThanOrEqual(MAX_CALL_LOG_PAGES);
  });

  /** The same call, with what the user may edit between two Saves changed. */
  const edited = (): CreateCallLogArgs => ({
    ...logArgs(),
    subject: 'Call with Bob (edited)',
    note: 'Wants 20 arms. Call back Friday.',
    additionalSubmission: { deals: '' },
  });

  it('reports the earlier log of this call as outdated when the user edited it since', async () => {
    const saved = await pipedrive.createCallLog(logArgs());
    await expect(pipedrive.findCallLog!(edited())).resolves.toEqual({
      logId: saved.logId,
      outdated: true,
    });
    await expect(pipedrive.findCallLog!(logArgs())).resolves.toEqual({ logId: saved.logId });
  });

  it('prefers the log that is already current, and rewrites nothing', async () => {
    await pipedrive.createCallLog(logArgs());
    const current = await pipedrive.createCallLog(edited());
    await expect(pipedrive.findCallLog!(edited())).resolves.toEqual({ logId: current.logId });
  });

  it('reports none when several logs of the call differ: it cannot tell which was its own', async () => {
    await pipedrive.createCallLog(logArgs());
    await pipedrive.createCallLog({ ...logArgs(), note: 'Logged again on purpose' });
    await expect(pipedrive.findCallLog!(edited())).resolves.toBeNull();
  });

  it('ignores a log of the call with a recording: CallPop never attaches one', async () => {
    const saved = await pipedrive.createCallLog(logArgs());
    pd.data.callLogs().find((l) => l.id === saved.logId)!.has_recording = true;
    await expect(pipedrive.findCallLog!(edited())).resolves.toBeNull();
  });

  it('replaces an outdated log: adds the new one first, then deletes the old one', async () => {
    const old = await pipedrive.createCallLog(logArgs());
    const replaced = await pipedrive.createCallLog({ ...edited(), replacesLogId: old.logId });
    expect(replaced).toMatchObject({ returnMessage: { message: 'Call logged.' } });
    expect(pd.data.callLogs()).toEqual([
      expect.objectContaining({
        id: replaced.logId,
        subject: 'Call with Bob (edited)',
        note: 'Wants 20 arms. Call back Friday.',
        deal_id: null,
      }),
    ]);
    const order = pd.log.entries.filter((e) => e.path.startsWith('/v1/callLogs'));
    expect(order.map((e) => e.method)).toEqual(['POST', 'POST', 'DELETE']);
    expect(order[2]?.path).toBe(`/v1/callLogs/${old.logId}`);
  });

  it('keeps the new log and warns when the old one cannot be deleted; a gone one is fine', async () => {
    const old = await pipedrive.createCallLog(logArgs());
    pd.faults.add({ method: 'DELETE', path: /^\/v1\/callLogs\//, kind: 'status', status: 403 });
    const kept = await pipedrive.createCallLog({ ...edited(), replacesLogId: old.logId });
    expect(kept.returnMessage).toEqual(EARLIER_LOG_KEPT);
    expect(pd.data.callLogs().map((l) => l.note)).toEqual([
      'Wants 20 arms',
      'Wants 20 arms. Call back Friday.',
    ]);
    pd.data.deleteCallLog(old.logId); // deleted in Pipedrive meanwhile: 410 on a second delete
    const again = await pipedrive.createCallLog({ ...edited(), replacesLogId: old.logId });
    expect(again.returnMessage).toMatchObject({ message: 'Call logged.' });
    expect(pd.log.last({ method: 'DELETE' })?.status).toBe(410);
  });

  it('deletes a call log on its own; a gone one counts as deleted, a refusal throws', async () => {
    const log = await pipedrive.createCallLog(logArgs());
    const target = {
      user: userFor(pd),
      authHeader: TOKEN_AUTH,
      logId: log.logId,
      contact: { id: bob.id },
    };
    pd.faults.add({ method: 'DELETE', kind: 'status', status: 403 });
    const refused = await pipedrive.deleteCallLog!(target).catch((e: unknown) => e);
    expect(classifyError(refused).kind).toBe('forbidden');
    expect(pd.data.callLogs()).toHaveLength(1);
    await pipedrive.deleteCallLog!(target);
    expect(pd.data.callLogs()).toEqual([]);
    await expect(pipedrive.deleteCallLog!(target)).resolves.toBeUndefined();
    expect(pd.log.last({ method: 'DELETE' })?.status).toBe(410);
  });

  it('maps voicemail and busy to Pipedrive outcomes', async () => {
    await pipedrive.createCallLog(logArgs({ result: 'voicemail' }));
    await pipedrive.createCallLog(logArgs({ result: 'busy' }));
    expect(pd.data.callLogs().map((l) => l.outcome)).toEqual(['left_voicemail', 'busy']);
  });
});
