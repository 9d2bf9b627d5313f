import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/platform/messages';
import { MAX_NAME, cutText, parseCallEvent } from './validate';

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

  it('drops a name that leaves nothing once cut', () => {
    // One character (a letter with 300 combining marks) longer than the limit.
    const event = parseCallEvent({ ...ring, fromName: `a${'\u0301'.repeat(300)}` });
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

describe('cutText', () => {
  it('never splits a character made of two UTF-16 units or a letter from its accent', () => {
    // 255 units, then an emoji of two units: keeping half of it would leave a lone surrogate.
    expect(cutText(`${'a'.repeat(255)}😀b`, 256)).toBe('a'.repeat(255));
    // "é" as e + combining acute: the accent is not cut off its letter.
    expect(cutText(`${'a'.repeat(255)}e\u0301`, 256)).toBe('a'.repeat(255));
    // A family emoji joined by zero-width joiners stays whole or goes.
    expect(cutText(`${'a'.repeat(250)}👨‍👩‍👧`, 256)).toBe('a'.repeat(250));
  });

  it('leaves no trailing space where the cut fell', () => {
    expect(cutText(`${'a'.repeat(250)}      bbb`, 256)).toBe('a'.repeat(250));
  });

  it('returns short text unchanged', () => {
    expect(cutText('Alice  ', 256)).toBe('Alice  ');
  });
});
