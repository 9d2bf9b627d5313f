/** A recorded call for unit tests, ringing from +1 415 555 0102, with what a test changes. */
import type { CallSession } from '@/shared/storage/keys';

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
