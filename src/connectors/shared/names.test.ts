import { describe, expect, it } from 'vitest';
import { collapseName, sameName, splitName } from './names';

describe('splitName', () => {
  it('makes a one-word name the last name, never inventing a word', () => {
    expect(splitName('Ada')).toEqual({ firstName: null, lastName: 'Ada' });
  });

  it('takes the last word as the last name and keeps every other word', () => {
    expect(splitName('Ada Lovelace')).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    expect(splitName('  Ada   King  Lovelace ')).toEqual({
      firstName: 'Ada King',
      lastName: 'Lovelace',
    });
  });
});

describe('sameName', () => {
  it('matches names that differ only in spacing or letter case, as the CRMs store them', () => {
    expect(sameName('Ann  Lee', 'Ann Lee')).toBe(true);
    expect(sameName(' ann\tLEE ', 'Ann Lee')).toBe(true);
    expect(sameName('Ann Lee', 'Ann Leek')).toBe(false);
    expect(sameName('', '')).toBe(false);
    expect(sameName(undefined, 'Ann')).toBe(false);
  });

  it('collapses without throwing', () => {
    expect(collapseName('  Ada   King ')).toBe('Ada King');
    expect(collapseName(42)).toBe('');
  });
});
