import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/platform/messages';
import { MAX_TEXT as MAX_NAME, parseCallEvent } from './validate';

const ring = {
  sessionId: 's-1',
  direction: 'Inbound',
  status: 'Ringing',
  from: '+14155550100',
  to: '+16505550100',
};

describe('parseCallEvent', () => {
  it('cuts an over-long caller name instead of refusing the call', () => {
    const event = parseCallEvent({ ...ring, fromName: 'A'.repeat(1_000), toName: 'B'.repeat(300) });
    expect(event.fromName).toBe('A'.repeat(MAX_NAME));
    expect(event.toName).toBe('B'.repeat(MAX_NAME));
    expect(event).toMatchObject({ sessionId: 's-1', from: '+14155550100' });
  });

  it('keeps a name of exactly the limit as it is', () => {
    const name = 'x'.repeat(MAX_NAME);
    expect(parseCallEvent({ ...ring, fromName: name }).fromName).toBe(name);
  });

  it('cuts before an emoji the limit would split', () => {
    const name = `${'x'.repeat(MAX_NAME - 1)}😀 Lee`;
    expect(parseCallEvent({ ...ring, fromName: name }).fromName).toBe('x'.repeat(MAX_NAME - 1));
  });

  it('drops a name that leaves nothing once cut', () => {
    const event = parseCallEvent({ ...ring, fromName: ' '.repeat(300) });
    expect(event).not.toHaveProperty('fromName');
  });

  it('still refuses an over-long session id or number', () => {
    for (const change of [
      { sessionId: 's'.repeat(257) },
      { from: '1'.repeat(257) },
      { to: '2'.repeat(257) },
    ]) {
      expect(() => parseCallEvent({ ...ring, ...change })).toThrow(
        expect.objectContaining({ code: ERROR_CODES.badRequest }),
      );
    }
  });

  it('still refuses a name that is not text', () => {
    expect(() => parseCallEvent({ ...ring, fromName: 42 })).toThrow(/caller name must be text/);
  });
});
