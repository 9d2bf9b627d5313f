import { describe, expect, it } from 'vitest';
import { ALL_FAMILIES, ALL_ITEMS } from './keys';

describe('storage key declarations', () => {
  const names = [...ALL_ITEMS, ...ALL_FAMILIES].map((entry) => entry.definition.name);

  it('declares every name once', () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses camelCase names of at least three letters and positive integer versions', () => {
    for (const entry of [...ALL_ITEMS, ...ALL_FAMILIES]) {
      expect(entry.definition.name).toMatch(/^[a-z][a-zA-Z]{2,}$/);
      expect(Number.isInteger(entry.definition.version) && entry.definition.version > 0).toBe(true);
    }
  });

  it('has no family prefix that is another family prefix or an item key', () => {
    const keys = ALL_ITEMS.map((item) => item.key);
    for (const family of ALL_FAMILIES) {
      expect(keys.some((key) => key.startsWith(family.prefix))).toBe(false);
    }
  });
});
