import { describe, expect, it } from 'vitest';
import { aCall } from '@/test/calls';
import { callFacts } from './call-facts';

const RING = 1_000_000;
const ringing = (overrides: Parameters<typeof aCall>[0] = {}) =>
  aCall({ startTime: RING, firstEventAt: RING, updatedAt: RING, ...overrides });

describe('callFacts', () => {
  it('a call rung out and ended unanswered is missed, with no talk time', () => {
    const call = ringing({ status: 'NoCall', updatedAt: RING + 3_000, endedAt: RING + 3_000 });
    expect(callFacts(call, RING + 60_000)).toMatchObject({ result: 'missed', durationSeconds: 0 });
  });

  it('an outbound call never answered is missed too', () => {
    const call = ringing({ direction: 'Outbound', status: 'NoCall', endedAt: RING + 8_000 });
    expect(callFacts(call, RING + 9_000)).toEqual({
      sessionId: call.sessionId,
      direction: 'Outbound',
      startTime: RING,
      durationSeconds: 0,
      result: 'missed',
    });
  });

  it('a call still ringing is missed so far', () => {
    expect(callFacts(ringing(), RING + 5_000)).toMatchObject({
      result: 'missed',
      durationSeconds: 0,
    });
  });

  it('an answered call lasts from its answer to now while it goes on', () => {
    const call = ringing({ status: 'CallConnected', answeredAt: RING + 4_000 });
    expect(callFacts(call, RING + 34_000)).toMatchObject({
      result: 'connected',
      durationSeconds: 30,
    });
  });

  it('an answered call that ended lasts from its answer to its end, whatever came after', () => {
    // A later event (updatedAt) or a Save long after the hang-up does not stretch the call.
    const call = ringing({
      status: 'NoCall',
      answeredAt: RING + 4_000,
      endedAt: RING + 64_000,
      updatedAt: RING + 90_000,
    });
    expect(callFacts(call, RING + 600_000)).toMatchObject({
      result: 'connected',
      durationSeconds: 60,
      startTime: RING,
    });
  });
});
