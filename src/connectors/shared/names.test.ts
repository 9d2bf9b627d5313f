import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '@/platform/worker/http/errors';
import { collapseName, namesById, sameName, splitName } from './names';

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

describe('namesById', () => {
  const read = (u: Record<string, unknown>) => [u.id, u.first, u.last, u.email];
  it('names users "First Last", else by email; a user with neither, or no id, is left out', () => {
    const users = [
      { id: 7, first: ' Dana ', last: 'Demo' },
      { id: '8', first: null, last: null, email: 'sam@acme.test' },
      { id: 9 },
      { first: 'No', last: 'Id' },
      'not a user',
    ];
    expect(namesById(users, read)).toEqual({ '7': 'Dana Demo', '8': 'sam@acme.test' });
  });

  it('refuses an answer that is not a list', () => {
    expect(() => namesById({ results: [] }, read)).toThrow(MalformedResponseError);
  });
});
