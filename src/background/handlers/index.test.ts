import { describe, expect, it } from 'vitest';
import { handlers } from '.';
import { NOT_YET } from './not-yet';

describe('handler table', () => {
  it('has a real handler for every request of the contract', () => {
    const pending = Object.entries(handlers)
      .filter(([, handler]) => NOT_YET in handler)
      .map(([name]) => name);
    expect(pending).toEqual([]);
  });
});
