import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupResult } from '@/shared/messages';
import { aCallEvent, aContact, aLookupResult } from '@/test/calls';
import { chromeFake } from '@/test/chrome-fake';
import { handleCallEvent } from './call-event';
import { poppingRecord } from './in-flight';

const event = aCallEvent;
const result = aLookupResult;
const contact = aContact;
const callWindows = () =>
  [...chromeFake().windows.values()].filter((w) => w.tabs[0]?.url.startsWith('src/callpop/'));

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

  const settleIn = (ms: number) =>
    new Promise<LookupResult>((resolve) => setTimeout(() => resolve(result([])), ms));

  it('keeps the record in memory while the window is created, for serving its page', async () => {
    const seen: (string | undefined)[] = [];
    onWindowCreate(() => seen.push(poppingRecord('s1')?.pop.state));
    await handleCallEvent(event('Ringing'), deps());
    expect(seen).toEqual(['claimed']);
    expect(poppingRecord('s1')).toBeUndefined();
  });

  it('opens the window without waiting for the CRM', async () => {
    let answered = false;
    lookup.mockImplementation(async () => {
      const answer = await settleIn(100);
      answered = true;
      return answer;
    });
    let answeredWhenOpened: boolean | null = null;
    onWindowCreate(() => {
      answeredWhenOpened = answered;
    });
    await handleCallEvent(event('Ringing'), deps());
    expect(answeredWhenOpened).toBe(false);
    expect(callWindows()).toHaveLength(1);
  });
});
