/** The softphone's /contacts/match answer (widget-match.ts), through the bridge, against a fake worker. */
import { describe, expect, it, vi } from 'vitest';
import { settle, until } from '@/test/settle';
import { handleWidgetMessage } from './bridge';
import { FORCE_EVERY_MS, MATCH_DEADLINE_MS, REASK_DELAYS_MS, rematchNamed } from './widget-match';
import { harness, matchRequest } from '@/test/bridge-harness';

describe('/contacts/match', () => {
  it('answers a match for many numbers with ONE batched lookup, a forced one from the cache', async () => {
    const h = harness();
    const numbers = [
      '+14155550101',
      ...Array.from({ length: 24 }, (_, i) => `+1415555${1000 + i}`),
    ];
    await handleWidgetMessage(h.deps, matchRequest(numbers, { triggerFrom: 'manual' }));
    const lookups = h.calls.filter((c) => c.name === 'contact.lookupMany');
    expect(lookups).toEqual([{ name: 'contact.lookupMany', payload: { phoneNumbers: numbers } }]);
    expect(h.reports).toEqual([
      'Answered a refresh of 25 numbers from the cache: CallPop asks the CRM again for one number at a time, once a minute.',
    ]);
    const [reply] = h.posted as { responseId: string; response: { data: object } }[];
    expect(reply?.responseId).toBe('req-1');
    expect(Object.keys(reply?.response.data ?? {})).toEqual(numbers);
    expect(reply?.response.data).toMatchObject({
      '+14155550101': [{ id: 1, name: 'Alice Johnson', type: 'pipedrive' }],
    });
  });

  it('asks the CRM over the cache for one number at most once a minute', async () => {
    const h = harness();
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const forced = () =>
      h.calls
        .filter((c) => c.name === 'contact.lookupMany')
        .map((c) => (c.payload as { force?: boolean }).force ?? false);
    const refresh = () =>
      handleWidgetMessage(h.deps, matchRequest(['+14155550177'], { triggerFrom: 'manual' }));
    await refresh();
    await refresh();
    expect(h.reports).toEqual([
      'Answered a refresh of +14155550177 again from the cache: CallPop asks the CRM again for one number at a time, once a minute.',
    ]);
    now.mockReturnValue(1_000_000 + FORCE_EVERY_MS);
    await refresh();
    expect(forced()).toEqual([true, false, true]);
    now.mockRestore();
  });

  it('sends a number far longer than any phone number nowhere, and still names the others', async () => {
    const h = harness();
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101', '9'.repeat(100_000)]));
    const lookups = h.calls.filter((c) => c.name === 'contact.lookupMany');
    expect(lookups.map((c) => (c.payload as { phoneNumbers: string[] }).phoneNumbers)).toEqual([
      ['+14155550101'],
    ]);
    const response = h.posted[0] as { response: { data: Record<string, unknown[]> } };
    expect(Object.keys(response.response.data)).toEqual(['+14155550101']);
    expect(h.reports).toContain(
      'The softphone asked about a number longer than any phone number (over 64 characters): it gets no name.',
    );
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

  it('looks up again when Chrome could not deliver the lookup (a worker being stopped)', async () => {
    const waits: number[] = [];
    const h = harness({
      lookupTransportFailures: 1,
      // The match deadline never comes; the resend's short wait passes at once.
      wait: (ms) =>
        ms === MATCH_DEADLINE_MS
          ? new Promise<void>(() => undefined)
          : (waits.push(ms), Promise.resolve()),
    });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    expect(h.calls.filter((c) => c.name === 'contact.lookupMany')).toHaveLength(2);
    expect(waits).toHaveLength(1);
    const [reply] = h.posted as { response: { data: Record<string, { name: string }[]> } }[];
    expect(reply?.response.data['+14155550101']?.map((c) => c.name)).toEqual(['Alice Johnson']);
    expect(h.reports).toEqual([]);
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
    await until(() =>
      expect(h.posted.at(-1)).toEqual({
        type: 'rc-adapter-trigger-contact-match',
        phoneNumbers: ['+14155550101', '+14155550102'],
      }),
    );
  });

  it('answers at once, with the names, when the lookup beats the deadline', async () => {
    const deadlines: (() => void)[] = [];
    const h = harness({ wait: () => new Promise<void>((resolve) => deadlines.push(resolve)) });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    expect(h.posted).toMatchObject([
      { response: { data: { '+14155550101': [{ name: 'Alice Johnson' }] } } },
    ]);
    for (const pass of deadlines) pass();
    await settle();
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
        await until(() => expect(gates.length).toBeGreaterThan(0));
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
    await until(() => expect(lookups()).toHaveLength(2));
    expect(lookups()[1]?.payload).toEqual({ phoneNumbers: numbers });
    await until(() => expect(clock.waits).toEqual([30_000, 60_000]));
    expect(h.posted).toHaveLength(1);

    down = false;
    await clock.step();
    await until(() =>
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
    await settle();
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
    await until(() => expect(h.reports.at(-1)).toMatch(/stopped asking/));
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
    await until(() =>
      expect(h.posted.at(-1)).toEqual({
        type: 'rc-adapter-trigger-contact-match',
        phoneNumbers: ['+14155550101', '+14155550102'],
      }),
    );
    expect(clock.waits).toEqual([30_000]);
    expect(h.calls.filter((c) => c.name === 'contact.lookupMany')).toHaveLength(3);
  });

  it('does not ask the CRM again for a number waiting for its round after a failure', async () => {
    const clock = steppedClock();
    const h = harness({ crmDown: () => true, wait: clock.wait });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101']));
    await handleWidgetMessage(h.deps, {
      ...matchRequest(['+14155550101', '+14155550102']),
      requestId: 'req-2',
    });
    const asked = h.calls
      .filter((c) => c.name === 'contact.lookupMany')
      .map((c) => (c.payload as { phoneNumbers: string[] }).phoneNumbers);
    expect(asked).toEqual([['+14155550101'], ['+14155550102']]);
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
    await until(() =>
      expect(h.posted.at(-1)).toEqual({
        type: 'rc-adapter-trigger-contact-match',
        phoneNumbers: ['+14155550101'],
      }),
    );
    expect(waits).toEqual([MATCH_DEADLINE_MS, 30_000]);
  });

  it('has the widget match the numbers it named again when the connection changes, once', async () => {
    const h = harness({ unanswered: ['+14155550199'] });
    await handleWidgetMessage(h.deps, matchRequest(['+14155550101', '+14155550199']));
    await handleWidgetMessage(h.deps, matchRequest(['+14155550102']));
    h.posted.length = 0;
    rematchNamed(h.deps);
    // Only numbers shown with a name (Alice's): numbers without one have nothing to take back.
    expect(h.posted).toEqual([
      { type: 'rc-adapter-trigger-contact-match', phoneNumbers: ['+14155550101'] },
    ]);
    rematchNamed(h.deps);
    expect(h.posted).toHaveLength(1);
  });
});
