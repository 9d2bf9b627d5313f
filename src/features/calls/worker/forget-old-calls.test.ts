import { describe, expect, it } from 'vitest';
import { callSessions } from '@/platform/storage/keys';
import { aCall } from '@/test/calls';
import { forgetEndedCalls, forgetOldCalls, SESSION_MAX_AGE_MS } from './forget-old-calls';

const NOW = 1_800_000_000_000;

const call = (sessionId: string, updatedAt: number) =>
  aCall({ sessionId, status: 'NoCall', startTime: updatedAt, firstEventAt: updatedAt, updatedAt });

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

describe('forgetEndedCalls', () => {
  it('drops ended calls and keeps the ones still going', async () => {
    await callSessions.set('ended', { ...call('ended', NOW), endedAt: NOW });
    await callSessions.set('live', { ...call('live', NOW), status: 'CallConnected' });
    await callSessions.set('shown', { ...call('shown', NOW), endedAt: NOW, windowId: 7 });
    await expect(forgetEndedCalls()).resolves.toBe(1);
    expect((await callSessions.ids()).sort()).toEqual(['live', 'shown']);
  });
});
