import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupResult } from '@/platform/messages';
import { callSessions } from '@/platform/storage/keys';
import { aCallEvent, aContact, aLookupResult, CALLER } from '@/test/calls';
import { handleCallEvent } from './call-event';

const event = aCallEvent;

let lookup: ReturnType<typeof vi.fn<(r: { phoneNumber: string }) => Promise<LookupResult>>>;

beforeEach(() => {
  lookup = vi.fn(async () => aLookupResult([aContact(2, 'Bob Smith')]));
});

describe('call.event: when the call was answered and ended', () => {
  const at = (clock: { t: number }) => ({ lookup, now: () => clock.t });

  it('keeps the first answer and the first hang-up through every later event', async () => {
    const clock = { t: 1_000_000 };
    await handleCallEvent(event('Ringing'), at(clock));
    expect(await callSessions.get('s1')).not.toHaveProperty('answeredAt');
    clock.t += 4_000;
    await handleCallEvent(event('CallConnected'), at(clock));
    // The bridge reports a hold and its resume as CallConnected too: not a new answer.
    clock.t += 20_000;
    await handleCallEvent(event('CallConnected'), at(clock));
    clock.t += 40_000;
    await handleCallEvent(event('NoCall'), at(clock));
    clock.t += 5_000;
    await handleCallEvent(event('NoCall'), at(clock));
    expect(await callSessions.get('s1')).toMatchObject({
      status: 'NoCall',
      answeredAt: 1_004_000,
      endedAt: 1_064_000,
      updatedAt: 1_069_000,
    });
  });

  it('a call that rings out is never marked answered', async () => {
    const clock = { t: 1_000_000 };
    await handleCallEvent(event('Ringing'), at(clock));
    clock.t += 3_000;
    await handleCallEvent(event('NoCall'), at(clock));
    const stored = await callSessions.get('s1');
    expect(stored).toMatchObject({ status: 'NoCall', endedAt: 1_003_000 });
    expect(stored).not.toHaveProperty('answeredAt');
  });

  it('a call first heard of when connected counts as answered then', async () => {
    const clock = { t: 2_000_000 };
    await handleCallEvent(event('CallConnected', { direction: 'Outbound', to: CALLER }), at(clock));
    expect(await callSessions.get('s1')).toMatchObject({ answeredAt: 2_000_000 });
  });
});

describe('call.event: our own number on the call', () => {
  it('is the called number inbound and the caller outbound, kept from the first event', async () => {
    await handleCallEvent(event('Ringing', { to: '+14155550000' }), { lookup });
    // A transfer's later event names another extension: the call keeps the first.
    await handleCallEvent(event('CallConnected', { to: '+14155550001' }), { lookup });
    expect(await callSessions.get('s1')).toMatchObject({
      phoneNumber: CALLER,
      ownNumber: '+14155550000',
    });
    const outbound = { sessionId: 's2', direction: 'Outbound' as const };
    await handleCallEvent(event('Ringing', { ...outbound, from: '+16505550100', to: CALLER }), {
      lookup,
    });
    expect(await callSessions.get('s2')).toMatchObject({
      phoneNumber: CALLER,
      ownNumber: '+16505550100',
    });
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('is left out when the softphone did not send it', async () => {
    await handleCallEvent(event('Ringing', { to: '' }), { lookup });
    expect(await callSessions.get('s1')).not.toHaveProperty('ownNumber');
  });
});

describe('call.event: when the call started', () => {
  const NOW = Date.UTC(2026, 10, 21, 15, 0);
  const HOUR = 3_600_000;

  it("keeps the softphone's start time, also one from hours before CallPop heard of the call", async () => {
    await handleCallEvent(event('CallConnected', { startTime: NOW - 3 * HOUR }), {
      lookup,
      now: () => NOW,
    });
    expect(await callSessions.get('s1')).toMatchObject({ startTime: NOW - 3 * HOUR });
  });

  // A softphone that sends 0, a negative number, or a date decades away would leave a call that
  // can never be logged ("no valid start time") or is logged on the wrong day.
  it.each([0, -5, Date.UTC(2000, 0, 1), NOW + 3 * 24 * HOUR, NOW + 2 * HOUR, 1e300])(
    'uses the first event time instead of an impossible start time %s',
    async (startTime) => {
      await handleCallEvent(event('Ringing', { startTime }), { lookup, now: () => NOW });
      expect(await callSessions.get('s1')).toMatchObject({ startTime: NOW, firstEventAt: NOW });
    },
  );
});

describe('call.event: a transfer to another party', () => {
  const OTHER = '+14155550199';

  it('keeps the caller it popped for, and tells the person the call is now with another', async () => {
    await handleCallEvent(event('Ringing'), { lookup });
    await handleCallEvent(event('CallConnected'), { lookup });
    const reply = await handleCallEvent(event('CallConnected', { from: OTHER }), { lookup });
    expect(reply).toMatchObject({
      action: 'focused',
      reason:
        'This call is now with +1 415 555 0199; CallPop still shows +1 415 555 0102, the caller it popped for.',
      tell: true,
    });
    expect(await callSessions.get('s1')).toMatchObject({ phoneNumber: CALLER });
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('says nothing for the same number in another spelling, or once the call has ended', async () => {
    await handleCallEvent(event('Ringing'), { lookup });
    const spelled = await handleCallEvent(event('CallConnected', { from: '+1 415-555-0102' }), {
      lookup,
    });
    expect(spelled).not.toHaveProperty('tell');
    const ended = await handleCallEvent(event('NoCall', { from: OTHER }), { lookup });
    expect(ended).not.toHaveProperty('tell');
  });

  it('tells about a transfer to an extension whose digits end the caller number', async () => {
    await handleCallEvent(event('Ringing'), { lookup });
    const reply = await handleCallEvent(event('CallConnected', { from: '102' }), { lookup });
    expect(reply).toMatchObject({
      tell: true,
      reason: expect.stringContaining('now with 102') as unknown,
    });
  });

  it("names the other party by the call's own direction, not a later event's", async () => {
    await handleCallEvent(event('Ringing'), { lookup });
    // A later event marked Outbound: its `to` is our own line, not the caller.
    const reply = await handleCallEvent(
      event('CallConnected', { direction: 'Outbound', to: '+14155550000' }),
      { lookup },
    );
    expect(reply).not.toHaveProperty('tell');
  });
});
