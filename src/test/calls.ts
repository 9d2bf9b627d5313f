/** Calls for unit tests: ringing from +1 415 555 0102, with what a test changes. */
import type { CallEvent, ContactView, LookupResult } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';

export function aCall(overrides: Partial<CallSession> = {}): CallSession {
  return {
    sessionId: 's1',
    direction: 'Inbound',
    status: 'Ringing',
    phoneNumber: '+14155550102',
    displayNumber: '+1 415 555 0102',
    startTime: 1,
    firstEventAt: 1,
    updatedAt: 1,
    lookup: { state: 'pending', startedAt: 1 },
    pop: { state: 'none' },
    windowId: null,
    ...overrides,
  };
}

/** The number the test calls ring from, in E.164. */
export const CALLER = '+14155550102';

export function aContact(id: number, name: string, pageUrl: string | null = null): ContactView {
  return { id, name, type: 'person', pageUrl };
}

/** A lookup answer fetched from the CRM, with these contacts (for CALLER unless told). */
export function aLookupResult(contacts: ContactView[] = [], phoneNumber = CALLER): LookupResult {
  return {
    phoneNumber,
    displayNumber: phoneNumber === CALLER ? '+1 415 555 0102' : phoneNumber,
    contacts,
    canCreate: true,
    contactTypes: [],
    source: 'crm',
    fetchedAt: 1,
    stale: false,
    resolution: null,
    returnMessage: null,
  };
}

/** A softphone event of call s1, inbound from CALLER, with what a test changes. */
export function aCallEvent(
  status: CallEvent['status'],
  overrides: Partial<CallEvent> = {},
): CallEvent {
  return {
    sessionId: 's1',
    direction: 'Inbound',
    status,
    from: CALLER,
    to: '+14155550000',
    ...overrides,
  };
}
