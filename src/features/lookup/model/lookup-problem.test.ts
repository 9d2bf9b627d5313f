import { describe, expect, it } from 'vitest';
import { aContact, aLookupResult } from '@/test/calls';
import type { ReturnMessage } from './contact';
import { lookupProblem, lookupToast } from './lookup-problem';

const warning: ReturnMessage = { message: 'Something to know', messageType: 'warning', ttl: 5000 };

describe('what a lookup says, and where', () => {
  it('says a problem in place: no toast', () => {
    const failed = { ...aLookupResult([]), source: 'none' as const, returnMessage: warning };
    expect(lookupProblem(failed)).toBe(warning);
    expect(lookupToast(failed)).toBeNull();
  });

  it('says a note next to the contacts in place: no toast', () => {
    const stale = { ...aLookupResult([aContact(1, 'Ann Lee')]), returnMessage: warning };
    expect(lookupProblem(stale)).toBeNull();
    expect(lookupToast(stale)).toBeNull();
  });

  it('toasts what comes with no contacts and no problem (such as "no match")', () => {
    const none = { ...aLookupResult([]), returnMessage: warning };
    expect(lookupProblem(none)).toBeNull();
    expect(lookupToast(none)).toBe(warning);
  });
});
