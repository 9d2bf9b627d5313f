import { describe, expect, it } from 'vitest';
import type { CallEvent, LookupResult } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { aCall, aCallEvent, aContact, aLookupResult, CALLER } from '@/test/calls';
import { step, told, type CallInput, type EventFacts } from './call-machine';
import { MAX_CALL_CONTACTS, MAX_START_AFTER_MS, MAX_START_BEFORE_MS } from './call-session';
import { DECIDE_WAIT_MS, MAX_OPENED_PAGES, type CallPopSettings } from './pop-plan';

const NOW = 1_000_000_000;
const HOUR = 3_600_000;
const callPop = (changes: Partial<CallPopSettings> = {}) => ({
  ...DEFAULT_SETTINGS.callPop,
  ...changes,
});
const facts = (changes: Partial<EventFacts> = {}): EventFacts => ({
  refused: null,
  windowOpen: false,
  poppingHere: false,
  lookupRunning: false,
  ...changes,
});
const onEvent = (
  record: CallSession | undefined,
  event: CallEvent,
  options: { callPop?: Partial<CallPopSettings>; facts?: Partial<EventFacts>; now?: number } = {},
) =>
  step(
    record,
    { type: 'event', event, callPop: callPop(options.callPop), facts: facts(options.facts) },
    options.now ?? NOW,
  );
const types = (effects: { type: string }[]) => effects.map((e) => e.type);
const replyOf = (effects: ReturnType<typeof step>['effects']) =>
  effects.flatMap((e) => (e.type === 'reply' ? [e.reply] : []))[0];
const popped = aCall({
  pop: { state: 'done', at: 1, opened: 'window', reason: 'One contact matches.' },
  windowId: 7,
});
const page = (id: number) => aContact(id, `C${id}`, `https://acme.pipedrive.com/person/${id}`);
const pages = (n: number) => Array.from({ length: n }, (_, i) => page(i + 1));

describe('an event: whether it pops, and what the softphone is told', () => {
  it.each([
    ['ring rule, Ringing', {}, 'Ringing', ['lookup', 'pop'], undefined],
    [
      'answer rule, Ringing',
      { inbound: 'answer' },
      'Ringing',
      ['lookup', 'reply'],
      'Waiting for the inbound call to be answered.',
    ],
    [
      'answer rule, CallConnected',
      { inbound: 'answer' },
      'CallConnected',
      ['lookup', 'pop'],
      undefined,
    ],
    [
      'inbound off',
      { inbound: 'off' },
      'Ringing',
      ['lookup', 'reply'],
      'Call pop is off for inbound calls.',
    ],
    ['first heard of at the hang-up', {}, 'NoCall', ['lookup', 'reply'], 'The call has ended.'],
  ] as const)('a new call, %s', (_, settings, status, effects, reason) => {
    const { record, effects: out } = onEvent(undefined, aCallEvent(status), { callPop: settings });
    expect(types(out)).toEqual(effects);
    expect(record?.pop.state).toBe(
      (effects as readonly string[]).includes('pop') ? 'claimed' : 'none',
    );
    if (reason) expect(replyOf(out)).toEqual({ action: 'ignored', reason });
  });

  it('a caller that cannot be looked up is refused with its reason, and nothing is recorded', () => {
    const refused = 'No call pop: the caller withheld their number.';
    const { record, effects } = onEvent(undefined, aCallEvent('Ringing', { from: 'anonymous' }), {
      facts: { refused },
    });
    expect(record).toBeUndefined();
    expect(effects).toEqual([
      { type: 'reply', reply: { action: 'ignored', reason: refused, tell: true } },
    ]);
  });

  const claimed = aCall({ pop: { state: 'claimed', at: 1 }, windowId: 7 });
  it.each<[string, CallSession, Partial<EventFacts>, CallEvent['status'], string[], string]>([
    ['popped, window open', popped, { windowOpen: true }, 'Ringing', ['focus'], 'focused'],
    [
      'popped, window closed',
      popped,
      {},
      'CallConnected',
      ['reply'],
      'Already popped. One contact matches.',
    ],
    [
      'popped, hung up',
      popped,
      { windowOpen: true },
      'NoCall',
      ['reply'],
      'The call ended; its window stays open for logging.',
    ],
    [
      'popping here, window open',
      claimed,
      { windowOpen: true, poppingHere: true },
      'Ringing',
      ['focus'],
      'focused',
    ],
    [
      'popping here, no window yet',
      claimed,
      { poppingHere: true },
      'Ringing',
      ['reply'],
      'This call is already popping.',
    ],
  ])('one pop per call: %s', (_, record, known, status, effects, said) => {
    const out = onEvent(record, aCallEvent(status), { facts: { lookupRunning: true, ...known } });
    expect(types(out.effects)).toEqual(effects);
    if (said !== 'focused') expect(replyOf(out.effects)?.reason).toBe(said);
    expect(out.record?.pop).toEqual(record.pop);
  });

  it.each([
    ['reusing the window it had opened', { windowOpen: true }, 7],
    ['opening one when it had none', {}, null],
  ])(
    'a pop a stopped worker left half done is finished by the next event, even the hang-up: %s',
    (_, known, reuse) => {
      const half = aCall({ pop: { state: 'claimed', at: 1 }, windowId: 7 });
      const out = onEvent(half, aCallEvent('NoCall'), { facts: { ...known, lookupRunning: true } });
      expect(out.record).toMatchObject({ pop: { state: 'claimed', at: NOW }, windowId: reuse });
      expect(types(out.effects)).toContain('pop');
    },
  );

  it('a window the person opened before the pop (Show call window) is the one the pop brings forward', () => {
    const shown = aCall({ windowId: 9 });
    const out = onEvent(shown, aCallEvent('CallConnected'), {
      facts: { windowOpen: true, lookupRunning: true },
    });
    expect(out).toMatchObject({
      record: { windowId: 9 },
      effects: [{ type: 'pop', early: true, waitMs: null }],
    });
  });

  it.each([
    ['choose', { early: true, waitMs: null }],
    ['openAll', { early: false, waitMs: DECIDE_WAIT_MS }],
    ['nothing', { early: false, waitMs: null }],
  ] as const)(
    'several matches set to %s: when the window opens and how long the pop waits',
    (multiple, pop) => {
      const out = onEvent(undefined, aCallEvent('Ringing'), { callPop: { multiple } });
      expect(out.effects).toContainEqual({ type: 'pop', ...pop });
    },
  );

  it.each([
    ['left pending by a stopped worker', false, ['lookup', 'focus']],
    ['still running here', true, ['focus']],
  ])('a lookup %s is started again only when not running', (_, lookupRunning, effects) => {
    const pending = { ...popped, lookup: { state: 'pending', startedAt: 1 } } as CallSession;
    const out = onEvent(pending, aCallEvent('Ringing'), {
      facts: { windowOpen: true, lookupRunning },
    });
    expect(types(out.effects)).toEqual(effects);
  });
});

describe("an event: the call's record", () => {
  it('keeps the first answer and the first hang-up through every later event', () => {
    const events: [CallEvent['status'], number][] = [
      ['Ringing', 1_000],
      ['CallConnected', 5_000],
      ['CallConnected', 25_000], // a hold and its resume are reported as CallConnected too
      ['NoCall', 65_000],
      ['NoCall', 70_000],
    ];
    let record: CallSession | undefined;
    for (const [status, now] of events) {
      record = onEvent(record, aCallEvent(status), { now, facts: { lookupRunning: true } }).record;
    }
    expect(record).toMatchObject({
      status: 'NoCall',
      answeredAt: 5_000,
      endedAt: 65_000,
      updatedAt: 70_000,
    });
  });

  it.each<[string, CallEvent['status'][], object]>([
    [
      'a call that rings out is never answered',
      ['Ringing', 'NoCall'],
      { answeredAt: undefined, endedAt: NOW },
    ],
    [
      'a call first heard of when connected is answered then',
      ['CallConnected'],
      { answeredAt: NOW, endedAt: undefined },
    ],
  ])('%s', (_, statuses, times) => {
    let record: CallSession | undefined;
    for (const status of statuses) record = onEvent(record, aCallEvent(status)).record;
    expect({ answeredAt: record?.answeredAt, endedAt: record?.endedAt }).toEqual(times);
  });

  it.each([
    ['inbound: the called number', { to: '+14155550000' }, '+14155550000', '+14155550000'],
    [
      'outbound: the caller',
      { direction: 'Outbound', from: '+14155550001', to: CALLER },
      '+14155550001',
      '+14155550001',
    ],
    [
      'not sent at first: from the first event that gives it',
      { to: '' },
      undefined,
      '+14155550009',
    ],
  ] as const)('our own number, %s', (_, first, own, kept) => {
    const { record } = onEvent(undefined, aCallEvent('Ringing', first));
    expect(record?.ownNumber).toBe(own);
    // A transfer's later event names another line of ours: the call keeps the first.
    const other = 'direction' in first ? { from: '+14155550009' } : { to: '+14155550009' };
    const later = onEvent(record, aCallEvent('CallConnected', { ...first, ...other }));
    expect(later.record?.ownNumber).toBe(kept);
  });

  it.each([
    ['hours before CallPop heard of it', NOW - 5 * HOUR, NOW - 5 * HOUR],
    ['zero', 0, NOW],
    ['negative', -5, NOW],
    ['days before', NOW - MAX_START_BEFORE_MS - 1, NOW],
    ['after beyond clock drift', NOW + MAX_START_AFTER_MS + 1, NOW],
    ['absurd', 1e300, NOW],
  ])("the softphone's start time, %s", (_, sent, kept) => {
    expect(onEvent(undefined, aCallEvent('Ringing', { startTime: sent })).record?.startTime).toBe(
      kept,
    );
  });

  it.each<[string, Partial<CallEvent>, CallEvent['status'], string | null]>([
    [
      'another party',
      { from: '+14155550199' },
      'CallConnected',
      'This call is now with +1 415 555 0199; CallPop still shows +1 415 555 0102, the caller it popped for.',
    ],
    ['the same number in another spelling', { from: '(415) 555-0102' }, 'CallConnected', null],
    [
      'an extension whose digits end the number',
      { from: '102' },
      'CallConnected',
      'This call is now with 102; CallPop still shows +1 415 555 0102, the caller it popped for.',
    ],
    ['another party at the hang-up', { from: '+14155550199' }, 'NoCall', null],
  ])('a transfer to %s is told, keeping the caller it popped for', (_, changes, status, said) => {
    const out = onEvent(popped, aCallEvent(status, { ...changes, fromName: 'Front desk' }), {
      facts: { lookupRunning: true },
    });
    expect(out.record).toMatchObject({ phoneNumber: CALLER });
    expect(out.record?.callerName).toBeUndefined();
    const tell = out.effects.find((e) => e.type === 'tell');
    expect(tell ? tell.reason : null).toBe(said);
  });

  it('the told reason replaces the reply, which is never "ignored" then', () => {
    expect(told({ action: 'ignored', reason: 'x' }, 'moved')).toEqual({
      action: 'updated',
      reason: 'moved',
      tell: true,
    });
    expect(told({ action: 'focused', reason: 'x' }, null)).toEqual({
      action: 'focused',
      reason: 'x',
    });
  });
});

describe('the pop: what it opens once the lookup ended (decide)', () => {
  const decide = (
    outcome: Extract<CallInput, { type: 'decide' }>['outcome'],
    settings: Partial<CallPopSettings> = {},
    windowId: number | null = null,
    record: CallSession = aCall({ pop: { state: 'claimed', at: 1 } }),
  ) => step(record, { type: 'decide', outcome, callPop: callPop(settings), windowId }, NOW);
  const found = (contacts: LookupResult['contacts']) => ({ result: aLookupResult(contacts) });
  const plan = (effects: ReturnType<typeof step>['effects']) => {
    const [open] = effects.flatMap((e) => (e.type === 'open' ? [e] : []));
    return { window: open?.show, tabs: open?.plan.tabs, reason: open?.plan.reason };
  };

  it.each<
    [string, Parameters<typeof decide>[0], Partial<CallPopSettings>, boolean, string[], string]
  >([
    [
      'the lookup failed',
      { error: 'the token is not valid' },
      {},
      true,
      [],
      'Could not look up the caller (the token is not valid); showing the call window.',
    ],
    [
      'the CRM was not asked',
      { result: { ...aLookupResult([]), source: 'none' } },
      { fallbackUrl: 'https://crm.example/?q={phoneNumber}' },
      true,
      [],
      'Could not look up the caller (the CRM was not asked); showing the call window.',
    ],
    [
      'no match, with a fallback page',
      found([]),
      { fallbackUrl: 'https://crm.example/?q={phoneNumber}' },
      true,
      ['https://crm.example/?q=%2B14155550102'],
      'No contact matches this number; showing the create path. Opened the fallback page.',
    ],
    [
      'no match, with a javascript: fallback',
      found([]),
      { fallbackUrl: 'javascript:alert({phoneNumber})' },
      true,
      [],
      'No contact matches this number; showing the create path. The fallback page was not opened: it is not an http(s) link.',
    ],
    ['one match', found([page(2)]), {}, true, [], 'One contact matches.'],
    [
      'one match, its CRM page too',
      found([page(2)]),
      { openCrmPage: true },
      true,
      ['https://acme.pipedrive.com/person/2'],
      'One contact matches. Opened its CRM page.',
    ],
    [
      'several, do nothing',
      found(pages(3)),
      { multiple: 'nothing' },
      false,
      [],
      '3 contacts match; call pop is set to do nothing.',
    ],
    [
      'several, let me choose',
      found(pages(3)),
      { multiple: 'choose' },
      true,
      [],
      '3 contacts match; showing them to choose from.',
    ],
    [
      'several, open each page',
      found(pages(3)),
      { multiple: 'openAll' },
      false,
      pages(3).map((c) => c.pageUrl!),
      '3 contacts match; opened 3 CRM pages.',
    ],
    [
      `${MAX_OPENED_PAGES} pages, open each`,
      found(pages(MAX_OPENED_PAGES)),
      { multiple: 'openAll' },
      false,
      pages(MAX_OPENED_PAGES).map((c) => c.pageUrl!),
      `${MAX_OPENED_PAGES} contacts match; opened ${MAX_OPENED_PAGES} CRM pages.`,
    ],
    [
      'more pages than call pop opens',
      found(pages(MAX_OPENED_PAGES + 1)),
      { multiple: 'openAll' },
      true,
      [],
      `${MAX_OPENED_PAGES + 1} contacts match, more than the ${MAX_OPENED_PAGES} pages call pop opens at once; showing them to choose from.`,
    ],
    [
      'several with no page',
      found([aContact(1, 'A'), aContact(2, 'B')]),
      { multiple: 'openAll' },
      true,
      [],
      '2 contacts match but none has a CRM page; showing them.',
    ],
    [
      'a summary that left matches out',
      { result: { ...aLookupResult(pages(5)), more: 30 } },
      { multiple: 'openAll' },
      true,
      [],
      `35 contacts match, more than the ${MAX_OPENED_PAGES} pages call pop opens at once; showing them to choose from.`,
    ],
    [
      'a CRM slower than the wait',
      'slow',
      { multiple: 'openAll' },
      true,
      [],
      `The CRM had not answered after ${DECIDE_WAIT_MS / 1000} s; showing the call window, which fills in when it does.`,
    ],
  ])('%s', (_, outcome, settings, window, tabs, reason) => {
    const out = decide(outcome, settings);
    expect(plan(out.effects)).toEqual({ window, tabs, reason });
    expect(out.record?.pop.state).toBe('claimed');
  });

  it('opens no window when the pop has one already', () => {
    expect(decide(found([]), {}, null).effects[0]).toMatchObject({ show: true });
    expect(decide(found([]), {}, 5).effects[0]).toMatchObject({ show: false });
  });

  it.each([
    ['a window', { window: true, tabs: [] }, 4, 0, 'window', 'popped'],
    ['CRM tabs', { window: false, tabs: ['https://x.example/'] }, null, 1, 'tabs', 'popped'],
    ['nothing', { window: false, tabs: [] }, null, 0, 'nothing', 'ignored'],
  ] as const)(
    'records the pop done, having opened %s',
    (_, shape, windowId, tabsOpened, opened, action) => {
      const plan = { ...shape, tabs: [...shape.tabs], reason: 'why' };
      const claimed = aCall({ pop: { state: 'claimed', at: 1 }, windowId: null });
      const out = step(claimed, { type: 'popped', plan, windowId, tabsOpened }, NOW);
      expect(out.record).toMatchObject({
        windowId,
        pop: { state: 'done', at: NOW, opened, reason: 'why' },
      });
      expect(replyOf(out.effects)).toEqual({ action, reason: 'why' });
    },
  );
});

describe('what the record keeps', () => {
  it(`keeps at most ${MAX_CALL_CONTACTS} contacts of a lookup, counting the rest`, () => {
    const { record } = step(
      aCall(),
      { type: 'lookedUp', outcome: { result: aLookupResult(pages(500)) } },
      NOW,
    );
    const lookup = record?.lookup;
    expect(lookup?.state === 'done' && lookup.result.contacts).toHaveLength(MAX_CALL_CONTACTS);
    expect(lookup).toMatchObject({ result: { more: 500 - MAX_CALL_CONTACTS } });
    expect(JSON.stringify(record).length).toBeLessThan(10_000);
  });

  it.each<[string, CallSession['lookup'], CallSession['lookup']]>([
    [
      'a failure of a pending lookup is kept',
      { state: 'pending', startedAt: 1 },
      { state: 'failed', message: 'down' },
    ],
    [
      'an answer on screen is not replaced by a later failure',
      { state: 'done', result: aLookupResult([]) },
      { state: 'done', result: aLookupResult([]) },
    ],
  ])('%s', (_, before, after) => {
    const out = step(
      aCall({ lookup: before }),
      { type: 'lookedUp', outcome: { error: 'down' } },
      NOW,
    );
    expect(out.record?.lookup).toEqual(after);
  });

  it.each([
    ['joins the answer', [], { contacts: [aContact(1000, 'Nina New')] }],
    ['is counted in a full answer', pages(MAX_CALL_CONTACTS), { more: 1 }],
  ])('a Save from the window: its contact %s, and the log is remembered', (_, before, after) => {
    const nina = aContact(1000, 'Nina New');
    const call = aCall({ lookup: { state: 'done', result: aLookupResult(before) } });
    const log = { logId: 'L1', contactName: 'Nina New', at: 5 };
    const { record } = step(call, { type: 'saved', contact: nina, log }, NOW);
    expect(record?.lastLog).toEqual(log);
    expect(record?.lookup).toMatchObject({ result: after });
  });

  it('a window closed is dropped from its call only; a call not recorded stays so', () => {
    expect(step(popped, { type: 'windowClosed', windowId: 7 }, NOW).record?.windowId).toBeNull();
    expect(step(popped, { type: 'windowClosed', windowId: 8 }, NOW).record?.windowId).toBe(7);
    expect(step(undefined, { type: 'windowOpened', windowId: 3 }, NOW).record).toBeUndefined();
  });
});

describe('a lookup the CRM failed in passing is asked again, as the softphone does', () => {
  const passing = { ...aLookupResult([]), crmFailure: 'passing' as const };
  const SEC = 1000;
  const at = (after: number) => NOW - 10 * SEC + after;
  const call = (changes: Partial<CallSession> = {}) =>
    aCall({ firstEventAt: NOW - 10 * SEC, ...changes });
  it.each<[string, CallSession, CallInput, number | null]>([
    [
      'a failure of a live call: in 30 s',
      call(),
      { type: 'lookedUp', outcome: { error: 'down' } },
      at(40 * SEC),
    ],
    [
      'an answer saying the CRM failed in passing',
      call(),
      { type: 'lookedUp', outcome: { result: passing } },
      at(40 * SEC),
    ],
    ['an answer', call(), { type: 'lookedUp', outcome: { result: aLookupResult([]) } }, null],
    [
      'a CRM that refused (the person must act)',
      call(),
      { type: 'lookedUp', outcome: { result: { ...passing, crmFailure: 'refused' } } },
      null,
    ],
    [
      'an ended call whose window is closed',
      call({ endedAt: NOW }),
      { type: 'lookedUp', outcome: { error: 'down' } },
      null,
    ],
    [
      'an ended call whose window is open',
      call({ endedAt: NOW, windowId: 7 }),
      { type: 'lookedUp', outcome: { error: 'down' } },
      at(40 * SEC),
    ],
  ])('%s', (_, record, input, retryAt) => {
    const { effects } = step(record, input, NOW);
    expect(effects).toEqual(retryAt === null ? [] : [{ type: 'retry', at: retryAt }]);
  });

  it.each([
    ['2 min into the call: in 2 min', 2 * 60, NOW + 2 * 60 * SEC],
    ['6 min into the call: in 4 min at most', 6 * 60, NOW + 4 * 60 * SEC],
    ['9 min into the call: no more', 9 * 60, null],
  ])('waits as long as the call has been failing: %s', (_, seconds, retryAt) => {
    const record = aCall({ firstEventAt: NOW - seconds * SEC });
    const { effects } = step(record, { type: 'lookedUp', outcome: { error: 'down' } }, NOW);
    expect(effects).toEqual(retryAt === null ? [] : [{ type: 'retry', at: retryAt }]);
  });

  it.each<[string, CallSession, string[]]>([
    [
      'still failing: looked up again',
      call({ lookup: { state: 'failed', message: 'down' } }),
      ['lookup'],
    ],
    [
      'answered meanwhile (a Refresh): nothing',
      call({ lookup: { state: 'done', result: aLookupResult([]) } }),
      [],
    ],
    [
      'ended, window closed: nothing',
      call({ lookup: { state: 'failed', message: 'down' }, endedAt: NOW }),
      [],
    ],
  ])('the retry alarm: %s', (_, record, effects) => {
    expect(types(step(record, { type: 'retryDue' }, NOW).effects)).toEqual(effects);
    expect(step(undefined, { type: 'retryDue' }, NOW).effects).toEqual([]);
  });

  it('the next event of a failing call is a chance to ask again too', () => {
    const failing = call({ lookup: { state: 'failed', message: 'down' }, pop: popped.pop });
    expect(types(onEvent(failing, aCallEvent('CallConnected')).effects)).toContain('lookup');
    const running = onEvent(failing, aCallEvent('CallConnected'), {
      facts: { lookupRunning: true },
    });
    expect(types(running.effects)).not.toContain('lookup');
  });
});
