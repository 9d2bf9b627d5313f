import { describe, expect, it } from 'vitest';
import { aLookupResult } from '@/test/calls';
import { sourceLabel } from './lookup-results';

const NOW = 10_000_000;

describe('sourceLabel', () => {
  it('says where the contacts came from and how old they are', () => {
    expect(sourceLabel({ ...aLookupResult(), fetchedAt: NOW }, NOW)).toBe('Looked up just now');
    const cached = { ...aLookupResult(), source: 'cache' as const, fetchedAt: NOW - 3 * 60_000 };
    expect(sourceLabel(cached, NOW)).toBe('Saved 3 min ago');
    expect(sourceLabel({ ...cached, source: 'none' }, NOW)).toBe('Not looked up');
  });

  it('flags a stale answer without guessing why (down and refusing both end there)', () => {
    const stale = { ...aLookupResult(), source: 'cache' as const, fetchedAt: NOW, stale: true };
    expect(sourceLabel(stale, NOW)).toBe('Saved just now (could not refresh, may be out of date)');
  });
});
