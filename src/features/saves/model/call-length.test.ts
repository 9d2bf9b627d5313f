import { describe, expect, it } from 'vitest';
import { parseCallMinutes } from './call-length';

describe('parseCallMinutes', () => {
  it('reads whole and decimal minutes (a comma too) into seconds; empty is no talk time', () => {
    expect(parseCallMinutes('5')).toEqual({ ok: true, seconds: 300 });
    expect(parseCallMinutes(' 2.5 ')).toEqual({ ok: true, seconds: 150 });
    expect(parseCallMinutes('0,75')).toEqual({ ok: true, seconds: 45 });
    expect(parseCallMinutes('')).toEqual({ ok: true, seconds: 0 });
  });

  it('explains anything else instead of logging a wrong length', () => {
    for (const text of ['-3', 'five', '1e3', '2:30', '1441', '.5']) {
      expect(parseCallMinutes(text)).toMatchObject({
        ok: false,
        message: expect.stringContaining("Enter the call's length in minutes") as unknown,
      });
    }
  });
});
