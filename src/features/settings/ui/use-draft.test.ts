import { describe, expect, it } from 'vitest';
import { meansStored } from './use-draft';
import type { Checked } from './validation';

const trimmed = (text: string): Checked<string> => ({ ok: true, value: text.trim() });
const minutes = (text: string): Checked<number> =>
  /^\s*\d+\s*$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: 'digits' };

describe('meansStored: storage replaces saved text only when it means something else', () => {
  it('keeps text being typed when its trimmed value was just saved', () => {
    // Typed `(###) `, paused: `(###)` is stored. The trailing space must stay for `###-####`.
    expect(meansStored('(###) ', '(###)', trimmed)).toBe(true);
    expect(meansStored('090', '90', minutes)).toBe(true);
  });

  it('shows a value changed elsewhere once everything typed is saved', () => {
    expect(meansStored('45', '60', minutes)).toBe(false);
    expect(meansStored('#', '', trimmed)).toBe(false);
  });
});

describe('meansStored', () => {
  it('compares what the text means, not how it is spelled', () => {
    expect(meansStored(' 5 ', '5', minutes)).toBe(true);
    expect(meansStored('x', '5', minutes)).toBe(false);
  });
});
