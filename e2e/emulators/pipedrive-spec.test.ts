/** The Pipedrive connector's requests and the emulator's routes, against the official docs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipedrive } from '../../src/connectors/pipedrive/index.ts';
import type { CreateCallLogArgs } from '../../src/connectors/types.ts';
import { TOKEN_AUTH, findArgs, userFor } from '../../src/connectors/pipedrive/test-support.ts';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_NUMBERS,
  PIPEDRIVE_PERSONS,
  startPipedrive,
} from './pipedrive.ts';
import type { PipedriveEmulator } from './pipedrive.ts';
import { pipedriveRouter } from './pipedrive-routes.ts';
import { documented, requestProblems } from './pipedrive-spec.ts';

let pd: PipedriveEmulator;
beforeAll(async () => {
  pd = await startPipedrive();
});
afterAll(() => pd.close());

describe('Pipedrive against its official documents', () => {
  it('every request the connector sends for lookups and saves validates', async () => {
    const { bob } = PIPEDRIVE_PERSONS;
    const user = userFor(pd);
    await pipedrive.checkConnection(user, TOKEN_AUTH);
    await pipedrive.findContact(findArgs(pd, PIPEDRIVE_NUMBERS.bob));
    await pipedrive.findContactWithName({ user, authHeader: TOKEN_AUTH, name: 'bob@acme' });
    const added = { id: bob.id, name: bob.name, type: 'person' };
    await pipedrive.addPhoneNumber({
      user,
      authHeader: TOKEN_AUTH,
      contact: added,
      phoneNumber: '+14155550778',
    });
    await pipedrive.fetchLogFieldOptions!(user, TOKEN_AUTH, { id: bob.id, name: bob.name });
    await pipedrive.listUsers!(user, TOKEN_AUTH);
    const contact = {
      user,
      authHeader: TOKEN_AUTH,
      phoneNumber: '+14155550777',
      newContactName: 'Spec Check',
      newContactType: 'person',
    };
    const made = await pipedrive.createContact(contact);
    const log: CreateCallLogArgs = {
      user,
      authHeader: TOKEN_AUTH,
      contact: { id: bob.id, name: bob.name, type: 'person' },
      call: {
        direction: 'Inbound',
        phoneNumber: PIPEDRIVE_NUMBERS.bob,
        ownNumber: '+14155550000',
        startTime: Date.UTC(2024, 4, 6, 7, 8, 9),
        durationSeconds: 125,
        result: 'connected',
      },
      subject: 'Spec check',
      note: 'a < b',
      additionalSubmission: { deals: PIPEDRIVE_DEALS.bobOpen.id },
    };
    const logged = await pipedrive.createCallLog(log);
    const check = pipedrive.saveCheck!;
    await check.find({ kind: 'contact', args: contact }, 0);
    await check.find({ kind: 'callLog', args: log }, 0);
    await check.remove({ kind: 'callLog', args: log }, logged.logId);
    await check.remove({ kind: 'contact', args: contact }, String(made.contactInfo?.id));

    const requests = pd.log.entries;
    expect(requests.length).toBeGreaterThan(8);
    const problems = requests.flatMap((r) =>
      requestProblems(r).map((problem) => `${r.method} ${r.path}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('the check refuses what the documents do not allow', () => {
    expect(
      requestProblems({
        method: 'POST',
        path: '/v1/callLogs',
        query: { sort: 'x' },
        body: { to_phone_number: '+1', outcome: 'maybe', start_time: 1, phone: 'x' },
      }),
    ).toEqual([
      'query sort is not documented',
      'end_time is required',
      'outcome is not one of its enum',
      'start_time is number, documented as string',
      'body phone is not documented',
    ]);
    expect(requestProblems({ method: 'PUT', path: '/v1/persons/1', query: {}, body: {} })).toEqual([
      'PUT /v1/persons/1 is not documented',
    ]);
  });

  it('every emulator route is a documented operation', () => {
    const routes = pipedriveRouter(pd.data).list();
    const undocumented = routes
      .filter((r) => !documented(r.method, r.pattern))
      .map((r) => `${r.method} ${r.pattern}`);
    expect(undocumented).toEqual([]);
  });
});
