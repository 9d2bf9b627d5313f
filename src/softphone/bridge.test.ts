import { describe, expect, it, vi } from 'vitest';
import type { ConnectionSummary } from '@/shared/connection';
import {
  MAX_LOOKUP_BATCH,
  type CallEvent,
  type CallEventReply,
  type ContactView,
  type Payload,
  type RequestName,
} from '@/shared/messages';
import { RequestFailed } from '@/shared/messaging';
import { DEFAULT_SETTINGS } from '@/shared/settings';
import { aLookupResult } from '@/test/calls';
import {
  CALL_RESEND_DELAYS_MS,
  MATCH_DEADLINE_MS,
  REASK_DELAYS_MS,
  handleWidgetMessage,
  type BridgeDeps,
  type Requester,
} from './bridge';

const connection: ConnectionSummary = {
  platform: 'pipedrive',
  displayName: 'Pipedrive',
  hostname: 'http://127.0.0.1:1',
  userName: 'Dana',
  connectedAt: 1,
};

const lookup = (phoneNumber: string, contacts: ContactView[]) =>
  aLookupResult(contacts, phoneNumber);

const alice: ContactView = {
  id: 1,
  name: 'Alice Johnson',
  type: 'person',
  pageUrl: 'http://127.0.0.1:1/person/1',
};

/** Enough of the engine's normalising for these tests: US numbers in any spelling. */
function toE164(input: string): string {
  const digits = input.replace(/\D/g, '');
  return digits.length === 10 ? `+1${digits}` : `+${digits}`;
}

const CHANNEL_CLOSED =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';

/** A fake worker: records every request and answers from a small table. */
function harness(
  overrides: {
    connected?: boolean;
    lookupFails?: boolean;
    pageUrl?: string;
    /** The lookup answers only once this settles. */
    lookupGate?: Promise<void>;
    /** Numbers the CRM could not answer (source 'none'). */
    unanswered?: string[];
    /** contact.lookup answers unanswered (source 'none'), with this CRM message. */
    lookupProblem?: string;
    /** The worker's answer to call.event. */
    callReply?: CallEventReply;
    /** The match deadline: by default it never comes. */
    wait?: (ms: number) => Promise<void>;
    /** While true, the CRM fails every search (the engine marks the numbers crmFailed). */
    crmDown?: () => boolean;
    /** The CRM refuses every search with this reason (credentials): nothing to ask again. */
    crmRefuses?: string;
    /** call.event fails this many times as Chrome does when the worker is being stopped. */
    callTransportFailures?: number;
    /** call.event fails with the worker's own words. */
    callRefused?: string;
  } = {},
) {
  let transportFailures = overrides.callTransportFailures ?? 0;
  const calls: { name: RequestName; payload: unknown }[] = [];
  const posted: unknown[] = [];
  const opened: string[] = [];
  const reports: string[] = [];
  const answer = (name: RequestName, payload: unknown): unknown => {
    switch (name) {
      case 'connection.get':
        return overrides.connected === false ? null : connection;
      case 'contact.lookupMany': {
        if (overrides.lookupFails) throw new RequestFailed('crm_error', 'Pipedrive is down.');
        const { phoneNumbers } = payload as Payload<'contact.lookupMany'>;
        // As the engine does (engine/lookup-many.ts).
        if (phoneNumbers.length > MAX_LOOKUP_BATCH) {
          throw new RequestFailed('bad_request', 'Too many.');
        }
        // Keyed by each number as requested, the result carrying its E.164 form.
        return Object.fromEntries(
          phoneNumbers.map((n) => {
            const e164 = toE164(n);
            if (overrides.crmRefuses) {
              return [
                n,
                {
                  ...lookup(e164, []),
                  source: 'none' as const,
                  crmFailure: 'refused' as const,
                  returnMessage: { message: overrides.crmRefuses, messageType: 'danger' },
                },
              ];
            }
            if (overrides.crmDown?.()) {
              return [
                n,
                {
                  ...lookup(e164, []),
                  source: 'none' as const,
                  crmFailed: true as const,
                  returnMessage: { message: 'Pipedrive is unavailable', messageType: 'danger' },
                },
              ];
            }
            return [
              n,
              overrides.unanswered?.includes(n)
                ? { ...lookup(e164, []), source: 'none' as const }
                : lookup(e164, e164 === '+14155550101' ? [alice] : []),
            ];
          }),
        );
      }
      case 'contact.lookup':
        // The engine answers a CRM failure as source 'none' with the reason, not by throwing.
        if (overrides.lookupProblem) {
          return {
            ...lookup('+14155550101', []),
            source: 'none' as const,
            returnMessage: { message: overrides.lookupProblem, messageType: 'danger' as const },
          };
        }
        return lookup('+14155550101', [{ ...alice, pageUrl: overrides.pageUrl ?? alice.pageUrl }]);
      case 'call.event':
        if (transportFailures > 0) {
          transportFailures -= 1;
          // What shared/messaging.ts `request` throws when Chrome drops the message.
          throw new RequestFailed('internal', `CallPop could not be reached: ${CHANNEL_CLOSED}`);
        }
        if (overrides.callRefused) throw new RequestFailed('internal', overrides.callRefused);
        return overrides.callReply ?? { action: 'popped', reason: 'test' };
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  const request = (async (name: RequestName, payload: unknown) => {
    calls.push({ name, payload });
    if (name === 'contact.lookupMany') await overrides.lookupGate;
    return answer(name, payload);
  }) as Requester;
  const deps: BridgeDeps = {
    request,
    settings: async () => DEFAULT_SETTINGS,
    post: (message) => posted.push(message),
    openUrl: async (url) => {
      opened.push(url);
    },
    report: (message) => reports.push(message),
    wait: overrides.wait ?? (() => new Promise<void>(() => undefined)),
  };
  return { deps, calls, posted, opened, reports };
}

const matchRequest = (phoneNumbers: string[], extra: object = {}) =>
  ({
    type: 'rc-post-message-request',
    requestId: 'req-1',
    path: '/contacts/match',
    body: { phoneNumbers, ...extra },
  }) as const;

describe('handleWidgetMessage', () => {
  it('registers the connected CRM when the widget pushes its state', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, { type: 'rc-adapter-pushAdapterState' });
    expect(h.posted).toMatchObject([
      { type: 'rc-adapter-register-third-party-service', service: { name: 'pipedrive' } },
    ]);
  });

  it('does not register without a connection and says why', async () => {
    const h = harness({ connected: false });
    await handleWidgetMessage(h.deps, { type: 'rc-adapter-pushAdapterState' });
    expect(h.posted).toEqual([]);
    expect(h.reports.at(-1)).toMatch(/Connect a CRM/);
  });

  it('answers a match for many numbers with ONE batched lookup', async () => {
    const h = harness();
    const numbers = [
      '+14155550101',
      ...Array.from({ length: 24 }, (_, i) => `+1415555${1000 + i}`),
    ];
    await handleWidgetMessage(h.deps, matchRequest(numbers, { triggerFrom: 'manual' }));
    const lookups = h.calls.filter((c) => c.name === 'contact.lookupMany');
    expect(lookups).toEqual([
      { name: 'contact.lookupMany', payload: { phoneNumbers: numbers, force: true } },
    ]);
    const [reply] = h.posted as { responseId: string; response: { data: object } }[];
    expect(reply?.responseId).toBe('req-1');
    expect(Object.keys(reply?.response.data ?? {})).toEqual(numbers);
    expect(reply?.response.data).toMatchObject({
      '+14155550101': [{ id: 1, name: 'Alice Johnson', type: 'pipedrive' }],
    });
  });

  it('splits a match for more numbers than one lookup takes into batches, and answers all', async () => {
    const h = harness();
    const numbers = Array.from({ length: 250 }, (_, i) => `+1415556${1000 + i}`);
    numbers[137] = '+14155550101';
    await handleWidgetMessage(h.deps, matchRequest(numbers));
    const lookups = h.calls.filter((c) => c.name === 'contact.lookupMany');
    expect(lookups.map((c) => (c.payload as { phoneNumbers: string[] }).phoneNumbers)).toEqual([
      numbers.slice(0, 100),
      numbers.slice(100, 200),
      numbers.slice(200),
    ]);
    const [reply] = h.posted as { response: { data: Record<string, { name: string }[]> } }[];
    expect(Object.keys(reply?.response.data ?? {})).toHaveLength(250);
    expect(reply?.response.data['+14155550101']?.map((c) => c.name)).toEqual(['Alice Johnson']);
    expect(h.reports.filter((r) => /could not/.test(r))).toEqual([]);
  });

  it('still answers (with no names) when the lookup fails, and reports it', async () => {
    const h = harness({ lookupFails: true });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    expect(h.posted).toEqual([
      { type: 'rc-post-message-response', responseId: 'req-1', response: { data: {} } },
    ]);
    expect(h.reports.at(-1)).toBe('Caller names could not be looked up: Pipedrive is down.');
  });

  it('answers by the deadline without names when the CRM is slow, then has the widget ask again', async () => {
    let answer!: () => void;
    const h = harness({
      lookupGate: new Promise<void>((resolve) => (answer = resolve)),
      unanswered: ['+14155550199'],
      wait: async (ms) => expect(ms).toBe(MATCH_DEADLINE_MS),
    });
    const numbers = ['+14155550101', '+14155550102', '+14155550199'];
    await handleWidgetMessage(h.deps, matchRequest(numbers));
    expect(h.posted).toEqual([
      { type: 'rc-post-message-response', responseId: 'req-1', response: { data: {} } },
    ]);
    expect(h.reports.at(-1)).toBe(
      'The CRM is slow to answer; caller names will show when it does.',
    );

    answer();
    // Only what is now cached is asked again: a number the CRM could not answer would only
    // time out again.
    await vi.waitFor(() =>
      expect(h.posted.at(-1)).toEqual({
        type: 'rc-adapter-trigger-contact-match',
        phoneNumbers: ['+14155550101', '+14155550102'],
      }),
    );
  });

  it('answers at once, with the names, when the lookup beats the deadline', async () => {
    const h = harness({ wait: () => new Promise<void>((resolve) => setTimeout(resolve, 50)) });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    expect(h.posted).toMatchObject([
      { response: { data: { '+14155550101': [{ name: 'Alice Johnson' }] } } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(h.posted).toHaveLength(1);
  });

  it('answers numbers in any spelling with their contacts, keyed as the widget sent them', async () => {
    const h = harness();
    const numbers = ['4155550101', '(415) 555-0102', '+1 415-555-0101'];
    await handleWidgetMessage(h.deps, matchRequest(numbers));
    const [reply] = h.posted as { response: { data: Record<string, { name: string }[]> } }[];
    const data = reply?.response.data ?? {};
    expect(Object.keys(data)).toEqual(numbers);
    expect(data['4155550101']?.map((c) => c.name)).toEqual(['Alice Johnson']);
    expect(data['+1 415-555-0101']?.map((c) => c.name)).toEqual(['Alice Johnson']);
    expect(data['(415) 555-0102']).toEqual([]);
  });

  /** A clock the test moves: the match deadline never comes, every other wait is released. */
  function steppedClock() {
    const waits: number[] = [];
    const gates: (() => void)[] = [];
    return {
      waits,
      wait: (ms: number) => {
        if (ms === MATCH_DEADLINE_MS) return new Promise<void>(() => undefined);
        waits.push(ms);
        return new Promise<void>((resolve) => gates.push(resolve));
      },
      /** Lets the earliest pending wait end. */
      step: async () => {
        await vi.waitFor(() => expect(gates.length).toBeGreaterThan(0));
        gates.shift()?.();
      },
    };
  }

  it('answers at once without names when the CRM fails, says why, and has the widget ask again once it answers', async () => {
    let down = true;
    const clock = steppedClock();
    const h = harness({ crmDown: () => down, wait: clock.wait });
    const numbers = ['+14155550101', '(415) 555-0102'];
    await handleWidgetMessage(h.deps, matchRequest(numbers));
    expect(h.posted).toEqual([
      {
        type: 'rc-post-message-response',
        responseId: 'req-1',
        response: { data: { '+14155550101': [], '(415) 555-0102': [] } },
      },
    ]);
    expect(h.reports.at(-1)).toBe(
      'Pipedrive is unavailable: callers show no names until Pipedrive answers; CallPop will ask again.',
    );
    const lookups = () => h.calls.filter((c) => c.name === 'contact.lookupMany');
    expect(lookups()).toHaveLength(1);

    // Still down after 30 s: asked again, nothing for the widget yet, and a longer wait next.
    await clock.step();
    await vi.waitFor(() => expect(lookups()).toHaveLength(2));
    expect(lookups()[1]?.payload).toEqual({ phoneNumbers: numbers });
    await vi.waitFor(() => expect(clock.waits).toEqual([30_000, 60_000]));
    expect(h.posted).toHaveLength(1);

    down = false;
    await clock.step();
    await vi.waitFor(() =>
      expect(h.posted.at(-1)).toEqual({
        type: 'rc-adapter-trigger-contact-match',
        phoneNumbers: numbers,
      }),
    );
    expect(h.reports.at(-1)).toBe('Pipedrive answers again: caller names are back.');
    expect(clock.waits).toEqual([30_000, 60_000]);
  });

  it('says a refusal (credentials) once and asks nothing again: only the person can fix it', async () => {
    const waits: number[] = [];
    const h = harness({
      crmRefuses: 'Pipedrive rejected the saved credentials',
      wait: (ms) => {
        waits.push(ms);
        return new Promise<void>(() => undefined);
      },
    });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550102']));
    expect(h.reports).toEqual([
      'Pipedrive rejected the saved credentials: callers show no names until that is fixed.',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Only the answer's deadline was ever waited for: no later look-up was planned.
    expect(waits).toEqual([MATCH_DEADLINE_MS]);
    expect(h.calls.filter((c) => c.name === 'contact.lookupMany')).toHaveLength(1);
    expect(
      h.posted.filter((m) => (m as { type: string }).type !== 'rc-post-message-response'),
    ).toEqual([]);
  });

  it('stops asking again after a few tries, and says so', async () => {
    const waits: number[] = [];
    const h = harness({
      crmDown: () => true,
      wait: async (ms) => {
        if (ms === MATCH_DEADLINE_MS) return new Promise<void>(() => undefined);
        waits.push(ms);
      },
    });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    await vi.waitFor(() => expect(h.reports.at(-1)).toMatch(/stopped asking/));
    expect(waits).toEqual([...REASK_DELAYS_MS]);
    expect(REASK_DELAYS_MS.length).toBeLessThanOrEqual(5);
    expect(h.calls.filter((c) => c.name === 'contact.lookupMany')).toHaveLength(
      1 + REASK_DELAYS_MS.length,
    );
    expect(
      h.posted.filter((m) => (m as { type: string }).type !== 'rc-post-message-response'),
    ).toEqual([]);
  });

  it('asks again once for numbers that failed in several match requests meanwhile', async () => {
    let down = true;
    const clock = steppedClock();
    const h = harness({ crmDown: () => down, wait: clock.wait });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    await handleWidgetMessage(h.deps, { ...matchRequest(['+14155550102']), requestId: 'req-2' });
    down = false;
    await clock.step();
    await vi.waitFor(() =>
      expect(h.posted.at(-1)).toEqual({
        type: 'rc-adapter-trigger-contact-match',
        phoneNumbers: ['+14155550101', '+14155550102'],
      }),
    );
    expect(clock.waits).toEqual([30_000]);
    expect(h.calls.filter((c) => c.name === 'contact.lookupMany')).toHaveLength(3);
  });

  it('asks again later for numbers a slow CRM then failed to answer', async () => {
    let answer!: () => void;
    const waits: number[] = [];
    let down = true;
    const h = harness({
      lookupGate: new Promise<void>((resolve) => (answer = resolve)),
      crmDown: () => down,
      wait: async (ms) => {
        waits.push(ms);
        if (ms !== MATCH_DEADLINE_MS) down = false;
      },
    });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    expect(h.posted).toHaveLength(1); // the answer by the deadline, without names
    answer();
    await vi.waitFor(() =>
      expect(h.posted.at(-1)).toEqual({
        type: 'rc-adapter-trigger-contact-match',
        phoneNumbers: ['+14155550101'],
      }),
    );
    expect(waits).toEqual([MATCH_DEADLINE_MS, 30_000]);
  });

  it('opens the CRM page for /contacts/view and answers ok', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'v1',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(h.opened).toEqual([alice.pageUrl]);
    expect(h.posted).toEqual([
      { type: 'rc-post-message-response', responseId: 'v1', response: { data: 'ok' } },
    ]);
  });

  it('says why a contact cannot be opened when the CRM did not answer, not that it is gone', async () => {
    const h = harness({ lookupProblem: 'Pipedrive is not answering (503).' });
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'v3',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(h.opened).toEqual([]);
    expect(h.reports.at(-1)).toBe(
      'The contact page could not be opened: Pipedrive is not answering (503).',
    );
  });

  it('never opens a non-http(s) page URL', async () => {
    const h = harness({ pageUrl: 'javascript:alert(1)' });
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'v2',
      path: '/contacts/view',
      body: { id: 1, phoneNumbers: [{ phoneNumber: '+14155550101' }] },
    });
    expect(h.opened).toEqual([]);
    expect(h.reports.at(-1)).toMatch(/no CRM page/);
  });

  it('answers unknown paths with ok so the widget does not wait', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, {
      type: 'rc-post-message-request',
      requestId: 'x',
      path: '/callLogger',
      body: {},
    });
    expect(h.posted).toEqual([
      { type: 'rc-post-message-response', responseId: 'x', response: { data: 'ok' } },
    ]);
  });

  it('forwards call notices as call.event and drops unusable ones', async () => {
    const h = harness();
    const call = {
      sessionId: 'S1',
      direction: 'Inbound',
      telephonyStatus: 'Ringing',
      from: { phoneNumber: '+14155550101' },
      to: { phoneNumber: '+16505550000' },
    };
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call });
    await handleWidgetMessage(h.deps, {
      type: 'rc-active-call-notify',
      call: { ...call, sessionId: undefined },
    });
    const events = h.calls.filter((c) => c.name === 'call.event').map((c) => c.payload);
    expect(events).toEqual([
      {
        sessionId: 'S1',
        direction: 'Inbound',
        status: 'Ringing',
        from: '+14155550101',
        to: '+16505550000',
      } satisfies CallEvent,
    ]);
  });

  const ringing = {
    sessionId: 'S4',
    direction: 'Inbound',
    telephonyStatus: 'Ringing',
    from: { phoneNumber: '+14155550101' },
    to: { phoneNumber: '+16505550000' },
  };

  it('sends a call event again when Chrome could not deliver it (a worker being stopped)', async () => {
    const waits: number[] = [];
    const h = harness({
      callTransportFailures: 1,
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call: ringing });
    expect(h.calls.filter((c) => c.name === 'call.event')).toHaveLength(2);
    expect(waits).toEqual([CALL_RESEND_DELAYS_MS[0]]);
    expect(h.reports).toEqual([]);
  });

  it("says in plain words, without Chrome's message, when the event still cannot be delivered", async () => {
    const h = harness({ callTransportFailures: 10, wait: async () => undefined });
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call: ringing });
    const tries = 1 + CALL_RESEND_DELAYS_MS.length;
    expect(tries).toBeLessThanOrEqual(3);
    expect(h.calls.filter((c) => c.name === 'call.event')).toHaveLength(tries);
    expect(h.reports).toEqual([
      `Call pop failed: CallPop did not answer, even after ${tries} tries; it tries again on the call's next event.`,
    ]);
  });

  it('does not send again what the worker itself refused', async () => {
    const h = harness({ callRefused: 'The call could not be saved.', wait: async () => undefined });
    await handleWidgetMessage(h.deps, { type: 'rc-active-call-notify', call: ringing });
    expect(h.calls.filter((c) => c.name === 'call.event')).toHaveLength(1);
    expect(h.reports).toEqual(['Call pop failed: The call could not be saved.']);
  });

  it('says so, and asks nothing of the worker, when the caller withheld their number', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, {
      type: 'rc-active-call-notify',
      call: { sessionId: 'S9', direction: 'Inbound', telephonyStatus: 'Ringing', from: {} },
    });
    expect(h.calls.filter((c) => c.name === 'call.event')).toEqual([]);
    expect(h.reports.at(-1)).toBe('No call pop: the caller withheld their number.');
  });

  it("shows the worker's reason when it says it is for the person, and only then", async () => {
    const reason = 'No call pop: "sip:101@pbx.example" is not a phone number CallPop can look up.';
    const call = {
      sessionId: 'S3',
      direction: 'Inbound',
      telephonyStatus: 'Ringing',
      from: { phoneNumber: 'sip:101@pbx.example' },
    };
    const told = harness({ callReply: { action: 'ignored', reason, tell: true } });
    await handleWidgetMessage(told.deps, { type: 'rc-active-call-notify', call });
    expect(told.reports).toEqual([reason]);
    const quiet = harness({ callReply: { action: 'updated', reason: 'Call updated.' } });
    await handleWidgetMessage(quiet.deps, { type: 'rc-active-call-notify', call });
    expect(quiet.reports).toEqual([]);
  });
});
