import { describe, expect, it, vi } from 'vitest';
import { settle } from '@/test/settle';
import { viewedState } from '@/features/calls/model/call-view';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { aCall, aContact, aLookupResult } from '@/test/calls';
import { watchCall } from './first-paint-watch';

const pending = aCall({ updatedAt: 5 });
const done: CallSession = {
  ...pending,
  lookup: { state: 'done', result: aLookupResult([aContact(2, 'Bob Smith')]) },
};

describe('watchCall: the first paint hands React the call', () => {
  it('never hands over a record older than the served page; it waits for the answer to land', async () => {
    // The worker served the page with the answer before its write of it landed.
    await callSessions.set('s1', pending);
    const paint = vi.fn();
    const handoff = watchCall({ sessionId: 's1', served: viewedState(done), paint });
    let handed: CallSession | undefined | null = null;
    void handoff.painted.then((session) => (handed = session));
    await settle();
    // Neither painted over the served answer nor handed on as "Looking up…".
    expect(handed).toBeNull();
    expect(paint).not.toHaveBeenCalled();

    await callSessions.set('s1', done);
    await expect(handoff.painted).resolves.toEqual(done);
    expect(handoff.takeOver()).toEqual(done);
  });

  it('a write of the older state meanwhile (the window id) is not painted either', async () => {
    await callSessions.set('s1', pending);
    const paint = vi.fn();
    const handoff = watchCall({ sessionId: 's1', served: viewedState(done), paint });
    await settle();
    await callSessions.set('s1', { ...pending, windowId: 7 });
    await settle();
    expect(paint).not.toHaveBeenCalled();
    await callSessions.set('s1', { ...done, windowId: 7 });
    await expect(handoff.painted).resolves.toMatchObject({ lookup: { state: 'done' } });
    expect(paint).toHaveBeenCalledTimes(1);
  });

  it('a write that never lands holds React back only briefly', async () => {
    await callSessions.set('s1', pending);
    const handoff = watchCall({
      sessionId: 's1',
      served: viewedState(done),
      paint: vi.fn(),
      wait: () => Promise.resolve(),
    });
    await expect(handoff.painted).resolves.toEqual(pending);
  });

  it('a page served with what is stored hands it over at once, without repainting', async () => {
    await callSessions.set('s1', done);
    const paint = vi.fn();
    const handoff = watchCall({ sessionId: 's1', served: viewedState(done), paint });
    await expect(handoff.painted).resolves.toEqual(done);
    expect(paint).not.toHaveBeenCalled();
  });

  it('a page not served paints what it reads, and every later change until React takes over', async () => {
    await callSessions.set('s1', pending);
    const paint = vi.fn();
    const handoff = watchCall({ sessionId: 's1', served: undefined, paint });
    await expect(handoff.painted).resolves.toEqual(pending);
    expect(paint).toHaveBeenLastCalledWith(pending);
    await callSessions.set('s1', done);
    expect(paint).toHaveBeenLastCalledWith(done);
    expect(handoff.takeOver()).toEqual(done);
    await callSessions.set('s1', { ...done, updatedAt: 9 });
    expect(paint).toHaveBeenCalledTimes(2);
  });
});
