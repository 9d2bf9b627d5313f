import { describe, expect, it } from 'vitest';
import { callSessions } from '@/platform/storage/keys';
import { aCall, aContact, aLookupResult } from '@/test/calls';
import { callOfSave, recordSaved } from './save-outcome';

const NOT_FOUND = { message: 'Contact not found', messageType: 'warning', ttl: 3000 } as const;
const nina = aContact(1000, 'Nina New');
const bob = aContact(2, 'Bob Smith');

describe('a Save from a call window is kept in the call', () => {
  it('a created contact joins the answer, and its "not found" goes', async () => {
    const result = { ...aLookupResult([]), returnMessage: NOT_FOUND };
    await callSessions.set('s1', aCall({ lookup: { state: 'done', result } }));
    await recordSaved('s1', { contact: nina }, 1);
    expect((await callSessions.get('s1'))?.lookup).toEqual({
      state: 'done',
      result: { ...result, contacts: [nina], returnMessage: null },
    });
  });

  it('a log is remembered with its contact, and a contact it created joins the answer', async () => {
    await callSessions.set(
      's1',
      aCall({ lookup: { state: 'done', result: aLookupResult([bob]) } }),
    );
    await recordSaved('s1', { logId: 'L1', contact: nina }, 5_000);
    const call = await callSessions.get('s1');
    expect(call?.lastLog).toEqual({ logId: 'L1', contactName: 'Nina New', at: 5_000 });
    expect(call?.lookup).toMatchObject({ result: { contacts: [bob, nina] } });
  });

  it('leaves a lookup still running alone, and a forgotten call forgotten', async () => {
    await callSessions.set('s1', aCall());
    await recordSaved('s1', { contact: nina }, 1);
    expect((await callSessions.get('s1'))?.lookup).toEqual(aCall().lookup);
    await recordSaved('gone', { logId: 'L1', contact: bob }, 1);
    expect(await callSessions.get('gone')).toBeUndefined();
  });

  it('reads the call a Save names, and refuses a malformed one before anything is sent', () => {
    expect(callOfSave({ callSessionId: 's1' })).toBe('s1');
    expect(callOfSave({})).toBeUndefined();
    expect(callOfSave(null)).toBeUndefined();
    for (const callSessionId of ['', 42, 'x'.repeat(257)]) {
      expect(() => callOfSave({ callSessionId })).toThrow(
        'Which call? It has no valid session id.',
      );
    }
  });
});
