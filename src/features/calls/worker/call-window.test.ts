import { describe, expect, it, vi } from 'vitest';
import { settle, until } from '@/test/settle';
import type { LookupResult } from '@/platform/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/features/settings/model/settings';
import { callSessions, callWindowPlace, settingsItem } from '@/platform/storage/keys';
import { aCall, aCallEvent, aContact, aLookupResult } from '@/test/calls';
import { chromeFake } from '@/test/chrome-fake';
import { handleCallEvent } from './call-event';
import { CALLPOP_PATH, handleShowCall, rememberPlace } from './call-window';

const callWindows = () =>
  [...chromeFake().windows.values()].filter((w) =>
    w.tabs[0]?.url.startsWith('src/entrypoints/callpop/'),
  );

describe('call.show', () => {
  it('opens a closed call window again and keeps its id, then brings it forward', async () => {
    await callSessions.set(
      's1',
      aCall({ pop: { state: 'done', at: 1, opened: 'window', reason: '' }, windowId: null }),
    );
    await expect(handleShowCall({ sessionId: 's1' })).resolves.toEqual({ shown: 'opened' });
    const [win] = callWindows();
    expect(win?.tabs[0]?.url).toBe('src/entrypoints/callpop/index.html?session=s1');
    expect((await callSessions.get('s1'))?.windowId).toBe(win!.id);
    // Asked again: the same window, in front; still popped once.
    win!.focused = false;
    await expect(handleShowCall({ sessionId: 's1' })).resolves.toEqual({ shown: 'focused' });
    expect(callWindows()).toHaveLength(1);
    expect(callWindows()[0]!.focused).toBe(true);
    expect((await callSessions.get('s1'))?.pop).toMatchObject({ state: 'done' });
  });

  it('says plainly when the call is gone or the ask names no call', async () => {
    await expect(handleShowCall({ sessionId: 'gone' })).rejects.toThrow(
      'CallPop no longer keeps this call.',
    );
    await expect(handleShowCall({})).rejects.toThrow('no valid session id');
    expect(callWindows()).toHaveLength(0);
  });
});

describe('call.show before or during the pop: the call keeps one window', () => {
  const bob = aContact(2, 'Bob Smith', 'https://acme.pipedrive.com/person/2');
  const dan = aContact(4, 'Dan Carter', 'https://acme.pipedrive.com/person/4');
  const tabs = () =>
    [...chromeFake().windows.values()]
      .filter((w) => w.type === 'normal')
      .map((w) => w.tabs[0]?.url);

  async function useCallPop(callPop: Partial<Settings['callPop']>): Promise<void> {
    await settingsItem.set({
      ...DEFAULT_SETTINGS,
      callPop: { ...DEFAULT_SETTINGS.callPop, ...callPop },
    });
  }

  it('a Show asked while the pop is creating the window waits for it: one window', async () => {
    await useCallPop({});
    type Create = (data?: chrome.windows.CreateData) => Promise<chrome.windows.Window>;
    const create = chrome.windows.create.bind(chrome.windows) as Create;
    let creating: () => void = () => undefined;
    const created = new Promise<void>((resolve) => (creating = resolve));
    (
      vi.spyOn(chrome.windows, 'create') as unknown as { mockImplementation: (fn: Create) => void }
    ).mockImplementation(async (data) => {
      creating();
      await settle(); // a window takes its time
      return create(data);
    });
    const lookup = vi.fn(async () => aLookupResult([bob]));
    const popping = handleCallEvent(aCallEvent('Ringing'), { lookup });
    await created;
    await expect(handleShowCall({ sessionId: 's1' })).resolves.toEqual({ shown: 'focused' });
    await popping;
    expect(callWindows()).toHaveLength(1);
  });

  it('with "when answered", a window shown while ringing is the one the answer brings forward', async () => {
    await useCallPop({ inbound: 'answer' });
    const lookup = vi.fn(async () => aLookupResult([bob]));
    await handleCallEvent(aCallEvent('Ringing'), { lookup });
    await handleShowCall({ sessionId: 's1' });
    const [shown] = callWindows();
    await handleCallEvent(aCallEvent('CallConnected'), { lookup });
    expect(callWindows()).toEqual([shown]);
    expect(await callSessions.get('s1')).toMatchObject({
      windowId: shown!.id,
      pop: { state: 'done' },
    });
  });

  it('a window shown while the pop waits for the CRM is the one it shows', async () => {
    await useCallPop({ multiple: 'nothing' });
    let answer: (result: LookupResult) => void = () => undefined;
    const lookup = vi.fn(() => new Promise<LookupResult>((resolve) => (answer = resolve)));
    const popping = handleCallEvent(aCallEvent('Ringing'), { lookup });
    await until(() => expect(lookup).toHaveBeenCalled());
    await handleShowCall({ sessionId: 's1' });
    const [shown] = callWindows();
    answer(aLookupResult([bob]));
    await expect(popping).resolves.toMatchObject({ action: 'popped' });
    expect(callWindows()).toEqual([shown]);
    expect((await callSessions.get('s1'))?.windowId).toBe(shown!.id);
  });

  it('with "open each CRM page", the tabs open and the window shown meanwhile stays the call\'s', async () => {
    await useCallPop({ multiple: 'openAll' });
    let answer: (result: LookupResult) => void = () => undefined;
    const lookup = vi.fn(() => new Promise<LookupResult>((resolve) => (answer = resolve)));
    const popping = handleCallEvent(aCallEvent('Ringing'), { lookup });
    await until(() => expect(lookup).toHaveBeenCalled());
    await handleShowCall({ sessionId: 's1' });
    const [shown] = callWindows();
    answer(aLookupResult([bob, dan]));
    await popping;
    expect(tabs()).toEqual([bob.pageUrl, dan.pageUrl]);
    expect(callWindows()).toEqual([shown]);
    expect((await callSessions.get('s1'))?.windowId).toBe(shown!.id);
  });
});

describe('where the call window opens', () => {
  const SOFTPHONE = { left: 0, top: 0, width: 400, height: 680 };
  const callPage = (id: string) => `${chrome.runtime.getURL(CALLPOP_PATH)}?session=${id}`;

  /** The softphone's window is 99; every other window shows the page `pageIn` says. */
  function withScreen(pageIn: (windowId: number) => string): void {
    Object.assign(chrome.runtime, {
      ContextType: { TAB: 'TAB' },
      getContexts: async ({ windowIds }: { windowIds?: number[] }) =>
        windowIds ? [{ documentUrl: pageIn(windowIds[0]!) }] : [{ windowId: 99 }],
    });
    const workArea = { left: 0, top: 0, width: 1920, height: 1040 };
    Object.assign(chrome, { system: { display: { getInfo: async () => [{ workArea }] } } });
    Object.assign(chrome.windows, { get: async () => ({ ...SOFTPHONE }) });
  }

  it('beside the softphone window, then where the person last put a call window', async () => {
    withScreen((id) =>
      id === 5 ? chrome.runtime.getURL('src/entrypoints/options/index.html') : callPage('s1'),
    );
    const create = vi.spyOn(chrome.windows, 'create');
    for (const id of ['s1', 's2', 's3']) await callSessions.set(id, aCall({ sessionId: id }));

    await handleShowCall({ sessionId: 's1' });
    expect(create).toHaveBeenLastCalledWith(
      expect.objectContaining({ left: 400, top: 0, width: 380, height: 560 }),
    );
    const moved = { id: 1, left: 900, top: 100, width: 420, height: 600, state: 'normal' };
    await rememberPlace(moved as chrome.windows.Window);
    // Another page's window moved: not a call window's place.
    await rememberPlace({ ...moved, id: 5, left: 10 } as chrome.windows.Window);
    // Maximised or fullscreen: the screen's bounds, not where the person put it.
    const whole = { ...moved, left: 0, top: 0, width: 1920, height: 1040 };
    await rememberPlace({ ...whole, state: 'maximized' } as chrome.windows.Window);
    await rememberPlace({ ...whole, state: 'fullscreen' } as chrome.windows.Window);
    expect(await callWindowPlace.get()).toEqual({ left: 900, top: 100, width: 420, height: 600 });
    await handleShowCall({ sessionId: 's2' });
    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ left: 900, top: 100 }));
  });

  it('opens anyway when Chrome refuses the place (a screen unplugged since)', async () => {
    withScreen(() => callPage('s1'));
    await callSessions.set('s1', aCall());
    const create = vi.spyOn(chrome.windows, 'create').mockRejectedValueOnce(new Error('bounds'));
    await expect(handleShowCall({ sessionId: 's1' })).resolves.toEqual({ shown: 'opened' });
    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ width: 380, height: 560 }));
    expect(callWindows()).toHaveLength(1);
  });
});
