/** Pipedrive call logs: writing one, and finding and removing a Save's copies (saveCheck). */
import { describe, expect, it } from 'vitest';
import { classifyError } from '@/platform/worker/http/errors';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_LEADS,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
} from '../../../e2e/emulators/pipedrive.ts';
import type { CreateCallLogArgs, SavedRecord } from '../types';
import { pipedrive } from './index';
import { readFileSync } from 'node:fs';
import { PIPEDRIVE_SPECS } from '../../../e2e/emulators/pipedrive-spec';
import { MAX_CALL_LOG_PAGES } from './write';
import { TOKEN_AUTH, userFor, usePipedrive } from './test-support';

const pd = usePipedrive();

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

const check = pipedrive.saveCheck!;
const asSave = (args: CreateCallLogArgs): SavedRecord => ({ kind: 'callLog', args });
const find = (args: CreateCallLogArgs) => check.find(asSave(args), 0);

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
    await expect(find({ ...logArgs(), note })).resolves.toEqual([saved.logId]);
  });

  it('knows its log again when Pipedrive stored the note as cleaned HTML', async () => {
    const note = 'Price < 5 & "fast"\nCall back <Friday>';
    const saved = await pipedrive.createCallLog({ ...logArgs(), note });
    const stored = pd.data.callLogs().find((l) => l.id === saved.logId)!;
    stored.note = '<p>Price &lt; 5 &amp; &quot;fast&quot;<br />Call back &lt;Friday&gt;</p>';
    await expect(find({ ...logArgs(), note })).resolves.toEqual([saved.logId]);
    // A note that says something else is another log.
    await expect(
      find({ ...logArgs(), note: 'Price < 6 & "fast"\nCall back <Friday>' }),
    ).resolves.toEqual([]);
  });

  it('an attempt Pipedrive would refuse left no log: looking for it asks nothing', async () => {
    const both = { deals: PIPEDRIVE_DEALS.bobOpen.id, leads: PIPEDRIVE_LEADS.bob.id };
    const before = pd.log.entries.length;
    await expect(find({ ...logArgs(), additionalSubmission: both })).resolves.toEqual([]);
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

  it("finds a Save's logs among the user's latest, and no other", async () => {
    await expect(find(logArgs())).resolves.toEqual([]);
    const saved = await pipedrive.createCallLog(logArgs());
    await pipedrive.createCallLog(logArgs({ startTime: Date.UTC(2024, 4, 6, 9, 0, 0) }));
    await pipedrive.createCallLog({ ...logArgs(), subject: 'Another subject' });
    await expect(find(logArgs())).resolves.toEqual([saved.logId]);
    expect(pd.log.last({ method: 'GET', path: '/v1/callLogs' })?.query).toMatchObject({
      start: '0',
      limit: '50',
    });
  });

  it('recognises its log in the answer Pipedrive documents (ISO 8601 times)', async () => {
    const spec = JSON.parse(readFileSync(`${PIPEDRIVE_SPECS}/v1-subset.json`, 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const get = spec.paths['/callLogs']!.get as {
      responses: { 200: { content: { 'application/json': { example: { data: unknown[] } } } } };
    };
    const answer = get.responses[200].content['application/json'].example;
    const [documented] = answer.data as Record<string, unknown>[];
    expect(documented!.start_time).toBe('2022-12-12T01:01:01.000Z');
    pd.faults.add({
      method: 'GET',
      path: '/v1/callLogs',
      kind: 'status',
      status: 200,
      body: answer,
    });
    // What a Save sent for that call: the same instants, numbers and text, spelled as sent.
    const sent: CreateCallLogArgs = {
      ...logArgs(),
      contact: { id: Number(documented!.person_id), name: 'Someone', type: 'person' },
      call: {
        direction: 'Outbound',
        phoneNumber: String(documented!.to_phone_number),
        ownNumber: String(documented!.from_phone_number),
        startTime: Date.UTC(2022, 11, 12, 1, 1, 1),
        durationSeconds: 0,
        result: 'busy',
      },
      subject: String(documented!.subject),
      note: String(documented!.note),
      additionalSubmission: { deals: Number(documented!.deal_id) },
    };
    await expect(find(sent)).resolves.toEqual([String(documented!.id)]);
  });

  /** `count` logs of other calls, then the one a Save wrote for this call. */
  async function historyThenSave(count: number): Promise<string> {
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

  for (const count of [120, 1234]) {
    it(`finds it at the end when Pipedrive lists oldest first (${count} older logs)`, async () => {
      pd.data.callLogOrder = 'oldestFirst';
      const saved = await historyThenSave(count);
      pd.log.clear();
      await expect(find(logArgs())).resolves.toEqual([saved]);
      expect(logListRequests()).toBeLessThanOrEqual(MAX_CALL_LOG_PAGES);
    });
  }

  it('removes a copy by id; a gone one counts as removed, a refusal throws', async () => {
    const log = await pipedrive.createCallLog(logArgs());
    pd.faults.add({ method: 'DELETE', kind: 'status', status: 403 });
    const refused = await check.remove(asSave(logArgs()), log.logId).catch((e: unknown) => e);
    expect(classifyError(refused).kind).toBe('forbidden');
    expect(pd.data.callLogs()).toHaveLength(1);
    await check.remove(asSave(logArgs()), log.logId);
    expect(pd.data.callLogs()).toEqual([]);
    await expect(check.remove(asSave(logArgs()), log.logId)).resolves.toBeUndefined();
    expect(pd.log.last({ method: 'DELETE' })?.status).toBe(410);
  });

  it('maps voicemail and busy to Pipedrive outcomes', async () => {
    await pipedrive.createCallLog(logArgs({ result: 'voicemail' }));
    await pipedrive.createCallLog(logArgs({ result: 'busy' }));
    expect(pd.data.callLogs().map((l) => l.outcome)).toEqual(['left_voicemail', 'busy']);
  });
});
