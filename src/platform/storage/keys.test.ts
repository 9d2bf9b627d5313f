import { describe, expect, it } from 'vitest';
import { isDeclared } from './define';
import * as keys from './keys';

describe('storage key declarations', () => {
  const declared = Object.values(keys).filter(isDeclared);
  const names = declared.map((entry) => entry.definition.name);

  it('finds every declared key among the exports', () => {
    expect(declared).toContain(keys.popupDraft);
    expect(declared).toContain(keys.matchCache);
    expect(declared.length).toBeGreaterThanOrEqual(9);
  });

  it('declares every name once', () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses camelCase names of at least three letters and positive integer versions', () => {
    for (const entry of declared) {
      expect(entry.definition.name).toMatch(/^[a-z][a-zA-Z]{2,}$/);
      expect(Number.isInteger(entry.definition.version) && entry.definition.version > 0).toBe(true);
    }
  });

  it('has no family prefix that starts another family prefix or an item key', () => {
    const storedKeys = declared.map((entry) => ('prefix' in entry ? entry.prefix : entry.key));
    for (const entry of declared) {
      if (!('prefix' in entry)) continue;
      const clashes = storedKeys.filter(
        (key) => key !== entry.prefix && key.startsWith(entry.prefix),
      );
      expect(clashes).toEqual([]);
    }
  });
});
