import { describe, expect, it } from 'vitest';
import { callSessions } from '@/platform/storage/keys';
import { aCall, aContact, aLookupResult } from '@/test/calls';
import { handleSaveLookup } from './call-record';
import { withSessionLock } from './in-flight';

const fresh = aLookupResult([aContact(9, 'Ann Lee')]);

describe('call.saveLookup', () => {
  it("keeps the window's fresher answer without losing the worker's write of the same call", async () => {
    await callSessions.set('s1', aCall({ sessionId: 's1', status: 'Ringing' }));
    // The worker is mid-write of this call (an answered event) when the window saves.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const workerWrite = withSessionLock('s1', async () => {
      const latest = (await callSessions.get('s1'))!;
      await held;
      await callSessions.set('s1', { ...latest, status: 'CallConnected' });
    });
    const saving = handleSaveLookup({ sessionId: 's1', result: fresh });
    release();
    await expect(saving).resolves.toEqual({ saved: true });
    await workerWrite;
    const stored = await callSessions.get('s1');
    expect(stored?.status).toBe('CallConnected');
    expect(stored?.lookup).toEqual({ state: 'done', result: fresh });
  });

  it('says when the call is no longer there', async () => {
    await expect(handleSaveLookup({ sessionId: 'gone', result: fresh })).resolves.toEqual({
      saved: false,
    });
  });

  it('refuses what is not a call and a lookup result, in plain words', async () => {
    await expect(handleSaveLookup(null)).rejects.toThrow('Nothing to save.');
    await expect(handleSaveLookup({ sessionId: 7, result: fresh })).rejects.toThrow(
      'no valid session id',
    );
    await expect(handleSaveLookup({ sessionId: 's1', result: { contacts: 'x' } })).rejects.toThrow(
      'not a lookup result',
    );
    // Contacts the views could not render are refused before they reach the call's record.
    for (const contacts of [[null], [{ id: 1, name: 7, pageUrl: null }], [{ id: {}, name: 'A' }]]) {
      await expect(
        handleSaveLookup({ sessionId: 's1', result: { ...fresh, contacts } }),
      ).rejects.toThrow('not a lookup result');
    }
    await expect(
      handleSaveLookup({ sessionId: 's1', result: { ...fresh, displayNumber: 5 } }),
    ).rejects.toThrow('not a lookup result');
  });
});
