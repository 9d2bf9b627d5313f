import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { defineFamily, defineItem } from './define';
import * as keys from './keys';

describe('storage key declarations', () => {
  type Declared = ReturnType<typeof defineItem> | ReturnType<typeof defineFamily>;
  // What defineItem and defineFamily make carries its definition.
  const declared = (Object.values(keys) as unknown[]).filter(
    (value): value is Declared =>
      typeof value === 'object' && value !== null && 'definition' in value,
  );
  const names = declared.map((entry) => entry.definition.name);

  it('finds every declared key among the exports', () => {
    expect(declared).toContain(keys.popupDraft);
    expect(declared).toContain(keys.matchCache);
    // Every define call in keys.ts is an exported key the walk finds.
    const source = readFileSync(new URL('./keys.ts', import.meta.url), 'utf8');
    expect(declared).toHaveLength(source.match(/= define(Item|Family)</g)?.length ?? 0);
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
