import { describe, expect, it } from 'vitest';
import { callSessions, type CallSession } from '@/shared/storage/keys';
import { forgetOldCalls, SESSION_MAX_AGE_MS } from './forget-old-calls';

const NOW = 1_800_000_000_000;

function call(sessionId: string, updatedAt: number): CallSession {
  return {
    sessionId,
    direction: 'Inbound',
    status: 'NoCall',
    phoneNumber: '+14155550102',
    startTime: updatedAt,
    firstEventAt: updatedAt,
    updatedAt,
    lookup: { state: 'pending', startedAt: updatedAt },
    pop: { state: 'none' },
    windowId: null,
  };
}

describe('forgetOldCalls', () => {
  it('drops calls idle longer than the limit and keeps the rest', async () => {
    await callSessions.set('old', call('old', NOW - SESSION_MAX_AGE_MS - 1));
    await callSessions.set('edge', call('edge', NOW - SESSION_MAX_AGE_MS));
    await callSessions.set('new', call('new', NOW - 1000));
    await expect(forgetOldCalls(NOW)).resolves.toBe(1);
    expect((await callSessions.ids()).sort()).toEqual(['edge', 'new']);
  });

  it('does nothing when there are no calls', async () => {
    await expect(forgetOldCalls(NOW)).resolves.toBe(0);
  });
});
