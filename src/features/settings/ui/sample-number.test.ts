import { describe, expect, it } from 'vitest';
import { sampleNumberFor } from './sample-number';

describe('sampleNumberFor', () => {
  it('uses +1 415 555 0102 with no country or for the US', () => {
    expect(sampleNumberFor('')).toEqual({
      international: '+1 415 555 0102',
      nationalNumber: '4155550102',
    });
    expect(sampleNumberFor('US').nationalNumber).toBe('4155550102');
  });

  it("uses the chosen country's example number", () => {
    const gb = sampleNumberFor('GB');
    expect(gb.international).toMatch(/^\+44 /);
    expect(gb.international.replace(/\D/g, '')).toBe(`44${gb.nationalNumber}`);
  });

  it('falls back to the default for an unknown country code', () => {
    expect(sampleNumberFor('ZZ').nationalNumber).toBe('4155550102');
  });
});
