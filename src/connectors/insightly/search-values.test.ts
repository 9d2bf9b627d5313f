import { describe, expect, it } from 'vitest';
import { insightlySearchValues } from './find-contact';

const E164 = '+14155550144';

describe('insightlySearchValues', () => {
  it('searches international and national forms (E.164 in PHONE) when no format is set', () => {
    expect(insightlySearchValues(E164, '')).toEqual({
      typed: ['+1 415 555 0144', '(415) 555-0144'],
      e164: E164,
    });
  });

  it("uses the user's formats instead when formats are set", () => {
    expect(insightlySearchValues(E164, '(###) ###-####, ###.###.####')).toEqual({
      typed: ['(415) 555-0144', '415.555.0144'],
      e164: E164,
    });
  });

  it('ignores invalid and repeated formats', () => {
    expect(insightlySearchValues(E164, 'abc,###-###-####,###-###-####').typed).toEqual([
      '415-555-0144',
    ]);
  });

  it('never searches a format the number is too short for', () => {
    expect(insightlySearchValues(E164, '###########,(###) ###-####').typed).toEqual([
      '(415) 555-0144',
    ]);
    // No format fits: the default spellings, as if none were set.
    expect(insightlySearchValues(E164, '#### #### #### ####').typed).toEqual([
      '+1 415 555 0144',
      '(415) 555-0144',
    ]);
  });

  it('searches an unparsable number as typed, and explains an empty one', () => {
    expect(insightlySearchValues('+999', '')).toEqual({ typed: ['+999'], e164: null });
    expect(() => insightlySearchValues('  ', '')).toThrow('Enter a phone number to look up.');
  });
});
