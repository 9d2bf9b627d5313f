import { beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, until } from '@/test/settle';
import type { LookupResult } from '@/platform/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/features/settings/model/settings';
import { callSessions, connectionItem, settingsItem } from '@/platform/storage/keys';
import { aCallEvent, aContact, aLookupResult, CALLER } from '@/test/calls';
import { chromeFake } from '@/test/chrome-fake';
import { forgetClosedWindow } from './call-window';
import { handleCallEvent, lookUpAgain } from './call-event';

const NUMBER = CALLER;
const contact = (id: number, name: string) =>
  aContact(id, name, `https://acme.pipedrive.com/person/${id}`);
const result = aLookupResult;
const event = aCallEvent;

async function useCallPop(callPop: Partial<Settings['callPop']>): Promise<void> {
  await settingsItem.set({
    ...DEFAULT_SETTINGS,
    callPop: { ...DEFAULT_SETTINGS.callPop, ...callPop },
  });
}

const callWindows = () =>
  [...chromeFake().windows.values()].filter((w) =>
    w.tabs[0]?.url.startsWith('src/entrypoints/callpop/'),
  );
const tabUrls = () =>
  [...chromeFake().windows.values()].filter((w) => w.type === 'normal').map((w) => w.tabs[0]?.url);

let lookup: ReturnType<
  typeof vi.fn<
    (r: { phoneNumber: string }, onFirst?: (r: LookupResult) => void) => Promise<LookupResult>
  >
>;
const deps = () => ({ lookup });

beforeEach(() => {
  lookup = vi.fn(async () => result([contact(2, 'Bob Smith')]));
});

describe('call.event: one pop per call', () => {
  it('pops one window on ring and focuses it on repeated events', async () => {
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
    const [win] = callWindows();
    expect(win).toMatchObject({ type: 'popup' });
    expect(win!.tabs[0]!.url).toBe('src/entrypoints/callpop/index.html?session=s1');
    win!.focused = false;
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toMatchObject({
      action: 'focused',
    });
    await expect(handleCallEvent(event('CallConnected'), deps())).resolves.toMatchObject({
      action: 'focused',
    });
    expect(callWindows()).toHaveLength(1);
    expect(callWindows()[0]!.focused).toBe(true);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith({ phoneNumber: NUMBER }, expect.any(Function));
  });

  it('pops once through a transfer, and keeps the caller it popped for', async () => {
    await handleCallEvent(event('Ringing', { fromName: 'Ann Lee' }), deps());
    await handleCallEvent(event('CallConnected'), deps());
    // The bridge reports a hold as CallConnected; after the transfer the other party changes.
    const transferred = { from: '+14155550199', fromName: 'Front desk' };
    await handleCallEvent(event('CallConnected', transferred), deps());
    await handleCallEvent(event('NoCall', transferred), deps());
    expect(callWindows()).toHaveLength(1);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(await callSessions.get('s1')).toMatchObject({
      phoneNumber: NUMBER,
      callerName: 'Ann Lee',
      status: 'NoCall',
    });
  });

  it('opens one window when the same event arrives many times at once', async () => {
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => handleCallEvent(event('Ringing'), deps())),
    );
    expect(replies.filter((r) => r.action === 'popped')).toHaveLength(1);
    expect(callWindows()).toHaveLength(1);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('keeps popped across a worker restart (state read from storage.session only)', async () => {
    await handleCallEvent(event('Ringing'), deps());
    const stored = await callSessions.get('s1');
    expect(stored?.pop).toMatchObject({ state: 'done', opened: 'window' });
    expect(stored?.lookup).toMatchObject({ state: 'done' });
    await handleCallEvent(event('CallConnected'), deps());
    expect(callWindows()).toHaveLength(1);
  });

  it('leaves a window the person closed closed: answer, hold and a repeated ring pop nothing', async () => {
    await handleCallEvent(event('Ringing'), deps());
    const [win] = callWindows();
    await chrome.windows.remove(win!.id);
    await forgetClosedWindow(win!.id);
    expect((await callSessions.get('s1'))?.windowId).toBeNull();
    // Answered, then held and resumed (the bridge reports both as CallConnected), then rung again.
    for (const status of ['CallConnected', 'CallConnected', 'Ringing'] as const) {
      await expect(handleCallEvent(event(status), deps())).resolves.toMatchObject({
        action: 'updated',
        reason: expect.stringContaining('Already popped') as unknown,
      });
    }
    expect(callWindows()).toHaveLength(0);
  });

  it('does not reopen a window closed while the worker was stopped (onRemoved never ran)', async () => {
    await handleCallEvent(event('Ringing'), deps());
    chromeFake().windows.clear();
    await expect(handleCallEvent(event('CallConnected'), deps())).resolves.toMatchObject({
      action: 'updated',
    });
    expect(callWindows()).toHaveLength(0);
  });

  it('a lookup slower than any timeout never lets a later event open a second window', async () => {
    let answer!: (r: LookupResult) => void;
    lookup.mockImplementation(() => new Promise<LookupResult>((resolve) => (answer = resolve)));
    let now = 1_000_000;
    const clock = { lookup, now: () => now };
    const first = handleCallEvent(event('Ringing'), clock);
    await until(() => expect(callWindows()).toHaveLength(1));
    await until(async () => expect((await callSessions.get('s1'))?.windowId).not.toBeNull());
    callWindows()[0]!.focused = false;
    now += 10 * 60_000; // the CRM is still thinking ten minutes later
    await expect(handleCallEvent(event('CallConnected'), clock)).resolves.toMatchObject({
      action: 'focused',
    });
    expect(callWindows()).toHaveLength(1);
    expect(callWindows()[0]!.focused).toBe(true);
    answer(result([contact(2, 'Bob Smith')]));
    await expect(first).resolves.toMatchObject({ action: 'popped' });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('with "do nothing", a later event waits for the running pop instead of starting another', async () => {
    await useCallPop({ multiple: 'nothing' });
    let answer!: (r: LookupResult) => void;
    lookup.mockImplementation(() => new Promise<LookupResult>((resolve) => (answer = resolve)));
    let now = 1_000_000;
    const clock = { lookup, now: () => now };
    const first = handleCallEvent(event('Ringing'), clock);
    now += 10 * 60_000;
    await expect(handleCallEvent(event('CallConnected'), clock)).resolves.toMatchObject({
      action: 'updated',
      reason: 'This call is already popping.',
    });
    answer(result([contact(2, 'Bob Smith')]));
    await expect(first).resolves.toMatchObject({ action: 'popped' });
    expect(callWindows()).toHaveLength(1);
  });
});

describe('call.event: when to pop', () => {
  it('ring rule: pops on Ringing', async () => {
    await useCallPop({ inbound: 'ring' });
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
  });

  it('answer rule: looks up at ring, pops only on CallConnected', async () => {
    await useCallPop({ inbound: 'answer' });
    const first = await handleCallEvent(event('Ringing'), deps());
    expect(first).toEqual({
      action: 'ignored',
      reason: 'Waiting for the inbound call to be answered.',
    });
    expect(callWindows()).toHaveLength(0);
    expect(lookup).toHaveBeenCalledTimes(1);
    await expect(handleCallEvent(event('CallConnected'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
    expect(callWindows()).toHaveLength(1);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('inbound off and outbound off never pop, but say why', async () => {
    await useCallPop({ inbound: 'off', outbound: 'off' });
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toEqual({
      action: 'ignored',
      reason: 'Call pop is off for inbound calls.',
    });
    const outbound = event('CallConnected', { sessionId: 's2', direction: 'Outbound', to: NUMBER });
    await expect(handleCallEvent(outbound, deps())).resolves.toEqual({
      action: 'ignored',
      reason: 'Call pop is off for outbound calls.',
    });
    expect(callWindows()).toHaveLength(0);
  });

  it('outbound calls look up the called number', async () => {
    await useCallPop({ outbound: 'ring' });
    await handleCallEvent(
      event('Ringing', { direction: 'Outbound', from: '+100', to: NUMBER }),
      deps(),
    );
    expect(lookup).toHaveBeenCalledWith({ phoneNumber: NUMBER }, expect.any(Function));
  });

  it('refuses a malformed event with a plain reason', async () => {
    await expect(
      handleCallEvent({ sessionId: 's', direction: 'Sideways' }, deps()),
    ).rejects.toThrow('The call event must say whether the call is Inbound or Outbound.');
  });
});

describe('call.event: what a pop opens', () => {
  const three = [contact(3, 'Carol'), contact(4, 'Dan'), contact(5, 'Erin')];

  it("several matches with 'nothing' open nothing and say so", async () => {
    await useCallPop({ multiple: 'nothing' });
    lookup.mockResolvedValue(result(three));
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toEqual({
      action: 'ignored',
      reason: '3 contacts match; call pop is set to do nothing.',
    });
    expect(chromeFake().windows.size).toBe(0);
    await handleCallEvent(event('Ringing'), deps());
    expect(chromeFake().windows.size).toBe(0);
  });

  it("several matches with 'openAll' open each CRM page once", async () => {
    await useCallPop({ multiple: 'openAll' });
    lookup.mockResolvedValue(result(three));
    await handleCallEvent(event('Ringing'), deps());
    await handleCallEvent(event('Ringing'), deps());
    expect(tabUrls()).toEqual(three.map((c) => c.pageUrl));
    expect(callWindows()).toHaveLength(0);
  });

  it("several matches with 'choose' show the call window", async () => {
    await useCallPop({ multiple: 'choose' });
    lookup.mockResolvedValue(result(three));
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toEqual({
      action: 'popped',
      reason: '3 contacts match; showing them to choose from.',
    });
    expect(callWindows()).toHaveLength(1);
  });

  it('openCrmPage opens the single match in a tab as well as the card', async () => {
    await useCallPop({ openCrmPage: true });
    await handleCallEvent(event('Ringing'), deps());
    expect(callWindows()).toHaveLength(1);
    expect(tabUrls()).toEqual(['https://acme.pipedrive.com/person/2']);
  });

  it('no match: the window plus the fallback URL with the number encoded', async () => {
    await useCallPop({ fallbackUrl: 'https://crm.example/search?q={phoneNumber}' });
    lookup.mockResolvedValue(result([]));
    const reply = await handleCallEvent(event('Ringing'), deps());
    expect(reply.reason).toContain('Opened the fallback page.');
    expect(callWindows()).toHaveLength(1);
    expect(tabUrls()).toEqual(['https://crm.example/search?q=%2B14155550102']);
  });

  it('no match: a javascript: fallback URL is never opened, and the reply says why', async () => {
    await useCallPop({ fallbackUrl: 'javascript:alert({phoneNumber})' });
    lookup.mockResolvedValue(result([]));
    const reply = await handleCallEvent(event('Ringing'), deps());
    expect(reply.reason).toContain('not an http(s) link');
    expect(tabUrls()).toEqual([]);
    expect(callWindows()).toHaveLength(1);
  });

  it('paints the first answer in the record; the pop waits for the complete one', async () => {
    await useCallPop({ multiple: 'openAll' });
    let answer: (value: LookupResult) => void = () => undefined;
    const first = { ...result([contact(3, 'Zed'), contact(2, 'Bob Smith')]), provisional: true };
    lookup.mockImplementation((_request, onFirst?: (r: LookupResult) => void) => {
      onFirst?.(first as LookupResult);
      return new Promise((resolve) => (answer = resolve));
    });
    const reply = handleCallEvent(event('Ringing'), deps());
    await until(async () =>
      expect((await callSessions.get('s1'))?.lookup).toEqual({ state: 'done', result: first }),
    );
    expect(tabUrls()).toEqual([]);
    answer(result([contact(2, 'Bob Smith')]));
    // Decided by the complete answer (one match: the window), not by the first (two: tabs).
    await expect(reply).resolves.toMatchObject({
      action: 'popped',
      reason: 'One contact matches.',
    });
    expect(tabUrls()).toEqual([]);
    const stored = await callSessions.get('s1');
    expect(stored?.lookup).toEqual({ state: 'done', result: result([contact(2, 'Bob Smith')]) });
  });

  it('a failed lookup still pops the window, with the reason stored for it', async () => {
    lookup.mockRejectedValue(new Error('Pipedrive says the API token is not valid.'));
    const reply = await handleCallEvent(event('Ringing'), deps());
    expect(reply).toMatchObject({ action: 'popped' });
    expect(reply.reason).toContain('the API token is not valid');
    expect((await callSessions.get('s1'))?.lookup).toEqual({
      state: 'failed',
      message: 'Pipedrive says the API token is not valid.',
    });
  });

  it('a window that fails to open early is reported once, never as an unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      let answer: (value: LookupResult) => void = () => undefined;
      lookup.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
      vi.spyOn(chrome.windows, 'create').mockRejectedValueOnce(new Error('No current window'));
      const reported = expect(handleCallEvent(event('Ringing'), deps())).rejects.toThrow(
        'No current window',
      );
      await settle(); // the window failed; the lookup still runs
      answer(result([]));
      await reported;
      await settle();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('call.event: a caller with no number to look up does not pop', () => {
  it.each([
    ['anonymous', 'No call pop: the caller withheld their number.'],
    ['Restricted', 'No call pop: the caller withheld their number.'],
    [
      'sip:101@pbx.example',
      'No call pop: "sip:101@pbx.example" is not a phone number CallPop can look up.',
    ],
    [
      '4155550102',
      'No call pop: 4155550102 has no country code. Set your default country in Options to look up numbers like it.',
    ],
  ])('%s: says why, records and opens nothing', async (from, reason) => {
    await expect(handleCallEvent(event('Ringing', { from }), deps())).resolves.toEqual({
      action: 'ignored',
      reason,
      tell: true,
    });
    expect(callWindows()).toHaveLength(0);
    expect(lookup).not.toHaveBeenCalled();
    expect(await callSessions.get('s1')).toBeUndefined();
  });

  it('an outbound call to a withheld number, and a national number with a default country', async () => {
    const outbound = event('Ringing', { direction: 'Outbound', to: 'Private' });
    await expect(handleCallEvent(outbound, deps())).resolves.toMatchObject({
      reason: 'No call pop: the call has no number.',
    });
    await settingsItem.set({ ...DEFAULT_SETTINGS, defaultCountry: 'US' });
    await expect(
      handleCallEvent(event('Ringing', { sessionId: 's2', from: '4155550102' }), deps()),
    ).resolves.toMatchObject({ action: 'popped' });
    expect(lookup).toHaveBeenCalledWith({ phoneNumber: '4155550102' }, expect.any(Function));
  });
});

describe("call.event: the softphone account's country", () => {
  it('reads a national number when Options set no default country', async () => {
    const softphone = { ...DEFAULT_SETTINGS.softphone, accountCountry: 'US' };
    await settingsItem.set({ ...DEFAULT_SETTINGS, softphone });
    await expect(
      handleCallEvent(event('Ringing', { from: '4155550102' }), deps()),
    ).resolves.toMatchObject({ action: 'popped' });
  });
});

describe('call.event: an internal call (an extension)', () => {
  const internal = () => event('Ringing', { from: '101' });

  it('does not pop while extensions are not looked up, and says where to change that', async () => {
    await expect(handleCallEvent(internal(), deps())).resolves.toEqual({
      action: 'ignored',
      reason:
        'No call pop: an internal call (extension 101). To look extensions up, turn on "Look up internal extension numbers" in Options.',
      tell: true,
    });
    expect(callWindows()).toHaveLength(0);
  });

  it('does not pop when the connected CRM cannot look extensions up', async () => {
    await settingsItem.set({ ...DEFAULT_SETTINGS, extensionLookup: true });
    await connectionItem.set({
      platform: 'pipedrive',
      hostname: 'acme.pipedrive.com',
      credentials: { kind: 'apiToken', token: 't' },
      accountId: 'a',
      userId: '1',
      userName: 'Dana',
      connectedAt: 1,
    });
    await expect(handleCallEvent(internal(), deps())).resolves.toMatchObject({
      action: 'ignored',
      reason:
        'No call pop: an internal call (extension 101), and Pipedrive cannot look up extensions.',
    });
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('a lookup the CRM failed is asked again by an alarm', () => {
  it('the alarm looks the live call up again, and the answer fills its record', async () => {
    lookup.mockRejectedValueOnce(new Error('Pipedrive is unavailable.'));
    await handleCallEvent(event('Ringing'), deps());
    await until(async () =>
      expect((await callSessions.get('s1'))?.lookup).toMatchObject({ state: 'failed' }),
    );
    await until(() => expect(chromeFake().alarms.has('callpop.lookupAgain:s1')).toBe(true));
    await lookUpAgain('s1', deps());
    expect(lookup).toHaveBeenCalledTimes(2);
    await until(async () =>
      expect((await callSessions.get('s1'))?.lookup).toMatchObject({
        state: 'done',
        result: { contacts: [{ name: 'Bob Smith' }] },
      }),
    );
  });
});
