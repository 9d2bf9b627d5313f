import { beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, until } from '@/test/settle';
import type { LookupResult } from '@/platform/messages';
import { aCallEvent, aContact, aLookupResult } from '@/test/calls';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { callSessions, settingsItem } from '@/platform/storage/keys';
import { chromeFake } from '@/test/chrome-fake';
import { DECIDE_WAIT_MS } from '../model/pop-plan';
import { handleCallEvent } from './call-event';
import { popping } from './in-flight';

const event = aCallEvent;
const result = aLookupResult;
const contact = aContact;
const callWindows = () =>
  [...chromeFake().windows.values()].filter((w) =>
    w.tabs[0]?.url.startsWith('src/entrypoints/callpop/'),
  );

let lookup: ReturnType<typeof vi.fn<(r: { phoneNumber: string }) => Promise<LookupResult>>>;
const deps = () => ({ lookup });

beforeEach(() => {
  lookup = vi.fn(async () => result([contact(2, 'Bob Smith')]));
});

describe('call.event: when the window opens', () => {
  /** Runs `before` as each window is created, then creates it. */
  function onWindowCreate(before: () => void): void {
    type Create = (data?: chrome.windows.CreateData) => Promise<chrome.windows.Window>;
    const create = chrome.windows.create.bind(chrome.windows) as Create;
    const spy = vi.spyOn(chrome.windows, 'create') as unknown as {
      mockImplementation: (fn: Create) => void;
    };
    spy.mockImplementation((data) => {
      before();
      return create(data);
    });
  }

  it('keeps the record in memory while the window is created, for serving its page', async () => {
    const seen: (string | undefined)[] = [];
    onWindowCreate(() => seen.push(popping.get('s1')?.pop.state));
    await handleCallEvent(event('Ringing'), deps());
    expect(seen).toEqual(['claimed']);
    expect(popping.get('s1')).toBeUndefined();
  });

  it('opens the window without waiting for the CRM', async () => {
    let answered = false;
    let answer: (value: LookupResult) => void = () => undefined;
    lookup.mockImplementation(async () => {
      const value = await new Promise<LookupResult>((resolve) => (answer = resolve));
      answered = true;
      return value;
    });
    let answeredWhenOpened: boolean | null = null;
    let opened: () => void = () => undefined;
    const windowOpened = new Promise<void>((resolve) => (opened = resolve));
    onWindowCreate(() => {
      answeredWhenOpened = answered;
      opened();
    });
    const handled = handleCallEvent(event('Ringing'), deps());
    await windowOpened;
    answer(result([]));
    await handled;
    expect(answeredWhenOpened).toBe(false);
    expect(callWindows()).toHaveLength(1);
  });

  it("opens the window without waiting for the call record's write, which still lands", async () => {
    const session = chromeFake().session;
    const write = session.set.bind(session);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(session, 'set').mockImplementation(async (items) => {
      await released;
      return write(items);
    });
    const handled = handleCallEvent(event('Ringing'), deps());
    await until(() => expect(callWindows()).toHaveLength(1));
    expect(await callSessions.get('s1')).toBeUndefined();
    release();
    await handled;
    const stored = await until(async () => {
      const call = await callSessions.get('s1');
      expect(call?.pop.state).toBe('done');
      return call;
    });
    expect(stored?.windowId).toBe(callWindows()[0]?.id);
  });

  /** Sets what several matches do; the lookup then answers only when the test says. */
  async function slowLookupWith(multiple: 'openAll' | 'nothing') {
    await settingsItem.set({
      ...DEFAULT_SETTINGS,
      callPop: { ...DEFAULT_SETTINGS.callPop, multiple },
    });
    let answer!: (r: LookupResult) => void;
    lookup.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    return (r: LookupResult) => answer(r);
  }

  it('opens the window anyway when a pop that waits for the CRM gets no answer in time', async () => {
    const answer = await slowLookupWith('openAll');
    const waited: number[] = [];
    const reply = await handleCallEvent(event('Ringing'), {
      lookup,
      wait: async (ms) => void waited.push(ms),
    });
    expect(waited).toEqual([DECIDE_WAIT_MS]);
    expect(reply).toEqual({
      action: 'popped',
      reason:
        'The CRM had not answered after 3 s; showing the call window, which fills in when it does.',
    });
    expect(callWindows()).toHaveLength(1);

    // The answer still lands in the call, for the open window to show.
    answer(result([contact(2, 'Bob Smith')]));
    await until(async () =>
      expect((await callSessions.get('s1'))?.lookup).toMatchObject({ state: 'done' }),
    );
    expect(callWindows()).toHaveLength(1);
  });

  it('with "do nothing" for several matches, waits for the answer instead of opening a window', async () => {
    const answer = await slowLookupWith('nothing');
    const popping = handleCallEvent(event('Ringing'), { lookup, wait: async () => undefined });
    await settle();
    expect(callWindows()).toHaveLength(0);
    answer(result([contact(2, 'Bob Smith'), contact(3, 'Cy Twombly')]));
    await expect(popping).resolves.toMatchObject({ action: 'ignored' });
    expect(callWindows()).toHaveLength(0);
  });
});
