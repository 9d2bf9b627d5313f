import { beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, until } from '@/test/settle';
import type { LookupResult } from '@/platform/messages';
import { callSessions } from '@/platform/storage/keys';
import { aCall, aCallEvent, aContact, aLookupResult, CALLER } from '@/test/calls';
import { chromeFake } from '@/test/chrome-fake';
import { handleCallEvent, handleRefresh } from './call-event';

const contact = (id: number, name: string) =>
  aContact(id, name, `https://acme.pipedrive.com/person/${id}`);
const result = aLookupResult;
const event = aCallEvent;

const callWindows = () =>
  [...chromeFake().windows.values()].filter((w) =>
    w.tabs[0]?.url.startsWith('src/entrypoints/callpop/'),
  );

let lookup: ReturnType<typeof vi.fn<(r: { phoneNumber: string }) => Promise<LookupResult>>>;
const deps = () => ({ lookup });

beforeEach(() => {
  lookup = vi.fn(async () => result([contact(2, 'Bob Smith')]));
});

describe('call.event: a worker stopped mid-pop', () => {
  it('finishes the pop at the next event when it stopped before the window opened', async () => {
    // What a worker leaves when it stops right after writing the claim.
    await callSessions.set(
      's1',
      aCall({
        pop: { state: 'claimed', at: Date.now() },
        lookup: { state: 'pending', startedAt: 1 },
      }),
    );
    await expect(handleCallEvent(event('CallConnected'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
    expect(callWindows()).toHaveLength(1);
    // The lookup it had started is started again.
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(await callSessions.get('s1')).toMatchObject({
      pop: { state: 'done', opened: 'window' },
      lookup: { state: 'done' },
    });
  });

  it('finishes it even when the next event is the hang-up', async () => {
    await callSessions.set('s1', aCall({ pop: { state: 'claimed', at: Date.now() } }));
    await expect(handleCallEvent(event('NoCall'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
    expect(callWindows()).toHaveLength(1);
  });

  it('brings forward the window it had opened instead of opening another', async () => {
    const { id } = (await chrome.windows.create({
      type: 'popup',
      url: 'src/entrypoints/callpop/index.html?session=s1',
    }))!;
    await callSessions.set(
      's1',
      aCall({ pop: { state: 'claimed', at: Date.now() }, windowId: id! }),
    );
    await expect(handleCallEvent(event('CallConnected'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
    expect(callWindows().map((w) => w.id)).toEqual([id]);
    expect(await callSessions.get('s1')).toMatchObject({
      windowId: id,
      pop: { state: 'done', opened: 'window' },
    });
  });

  it('restarts a lookup left pending, at the next event, when the pop had finished', async () => {
    await callSessions.set(
      's1',
      aCall({
        pop: { state: 'done', at: 1, opened: 'window', reason: '' },
        lookup: { state: 'pending', startedAt: 1 },
      }),
    );
    await handleCallEvent(event('CallConnected'), deps());
    await until(async () =>
      expect((await callSessions.get('s1'))?.lookup).toMatchObject({ state: 'done' }),
    );
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});

describe('call.refresh: the worker asks the CRM again and keeps the answer in the call', () => {
  it('looks the number up with force, stores the answer, and returns it', async () => {
    await callSessions.set('s1', aCall({ lookup: { state: 'failed', message: 'down' } }));
    const reply = await handleRefresh({ sessionId: 's1' }, lookup);
    expect(lookup).toHaveBeenCalledWith({ phoneNumber: CALLER, force: true });
    expect(reply.contacts).toEqual([contact(2, 'Bob Smith')]);
    expect((await callSessions.get('s1'))?.lookup).toEqual({ state: 'done', result: reply });
  });

  it('says plainly when the call is gone or the ask names no call', async () => {
    await expect(handleRefresh({ sessionId: 'gone' }, lookup)).rejects.toThrow(
      'CallPop no longer keeps this call.',
    );
    await expect(handleRefresh({}, lookup)).rejects.toThrow('Which call?');
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('a session storage that is full', () => {
  it('forgets the oldest other calls for the call being popped, which still pops with its lookup', async () => {
    for (const [id, updatedAt] of [
      ['old', 1],
      ['older', 0],
      ['newer', 5],
    ] as const) {
      await callSessions.set(id, aCall({ sessionId: id, updatedAt }));
    }
    vi.spyOn(chrome.storage.session, 'set').mockRejectedValueOnce(
      new Error('Resource::kQuotaBytes quota exceeded'),
    );
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
    expect(callWindows()).toHaveLength(1);
    expect(await callSessions.ids()).toEqual(expect.arrayContaining(['s1', 'newer']));
    expect(await callSessions.get('older')).toBeUndefined();
    expect((await callSessions.get('s1'))?.lookup).toMatchObject({ state: 'done' });
  });

  it('a write retried for room never lands over a newer one of the same call', async () => {
    await callSessions.set('older', aCall({ sessionId: 'older', updatedAt: 0 }));
    await callSessions.set('old', aCall({ sessionId: 'old', updatedAt: 1 }));
    // The call's first write is refused for room only once its later writes have landed.
    let refuse!: () => void;
    const refused = new Promise<void>((_, reject) => {
      refuse = () => reject(new Error('Resource::kQuotaBytes quota exceeded'));
    });
    vi.spyOn(chrome.storage.session, 'set').mockReturnValueOnce(refused as never);
    await expect(handleCallEvent(event('Ringing'), deps())).resolves.toMatchObject({
      action: 'popped',
    });
    refuse();
    await until(async () => expect(await callSessions.get('older')).toBeUndefined());
    await settle();
    expect((await callSessions.get('s1'))?.lookup).toMatchObject({ state: 'done' });
  });
});
