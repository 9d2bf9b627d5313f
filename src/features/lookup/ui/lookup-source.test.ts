import { describe, expect, it } from 'vitest';
import { aLookupResult } from '@/test/calls';
import { sourceLabel } from './lookup-source';

const NOW = 10_000_000;

describe('sourceLabel', () => {
  it('says where the contacts came from and how old they are', () => {
    expect(sourceLabel(aLookupResult(), NOW)).toBe('live');
    const cached = { ...aLookupResult(), source: 'cache' as const, fetchedAt: NOW - 3 * 60_000 };
    expect(sourceLabel(cached, NOW)).toBe('cached 3 min ago');
    expect(sourceLabel({ ...cached, source: 'none' }, NOW)).toBe('not looked up');
  });

  it('flags a stale answer without guessing why (down and refusing both end there)', () => {
    const stale = { ...aLookupResult(), source: 'cache' as const, fetchedAt: NOW, stale: true };
    expect(sourceLabel(stale, NOW)).toBe('cached just now (not refreshed, may be out of date)');
  });
});
