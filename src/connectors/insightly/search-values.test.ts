import { describe, expect, it } from 'vitest';
import { insightlySearchValues } from './search-values';

describe('insightlySearchValues', () => {
  it('searches E.164, international and national forms when no format is set', () => {
    expect(insightlySearchValues('+14155550144', '')).toEqual([
      '+14155550144',
      '+1 415 555 0144',
      '(415) 555 0144'.replace(' 0144', '-0144'),
    ]);
  });

  it("uses the user's formats plus E.164 when formats are set", () => {
    expect(insightlySearchValues('+14155550144', '(###) ###-####, ###.###.####')).toEqual([
      '(415) 555-0144',
      '415.555.0144',
      '+14155550144',
    ]);
  });

  it('ignores invalid and repeated formats', () => {
    expect(insightlySearchValues('+14155550144', 'abc,###-###-####,###-###-####')).toEqual([
      '415-555-0144',
      '+14155550144',
    ]);
  });

  it('never searches a format the number is too short for', () => {
    expect(insightlySearchValues('+14155550144', '###########,(###) ###-####')).toEqual([
      '(415) 555-0144',
      '+14155550144',
    ]);
    // No format fits: the default spellings, as if none were set.
    expect(insightlySearchValues('+14155550144', '#### #### #### ####')).toEqual([
      '+14155550144',
      '+1 415 555 0144',
      '(415) 555-0144',
    ]);
  });

  it('searches an unparsable number as typed, and explains an empty one', () => {
    expect(insightlySearchValues('+999', '')).toEqual(['+999']);
    expect(() => insightlySearchValues('  ', '')).toThrow('Enter a phone number to look up.');
  });
});
