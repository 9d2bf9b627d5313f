import { describe, expect, it } from 'vitest';
import { meansStored, notSavedMessage, storedReplacesText } from './use-draft';
import type { Checked } from './validation';

const trimmed = (text: string): Checked<string> => ({ ok: true, value: text.trim() });
const minutes = (text: string): Checked<number> =>
  /^\s*\d+\s*$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: 'digits' };
const identity = (text: string) => text;

describe('storedReplacesText', () => {
  it('keeps text being typed when its trimmed value was just saved', () => {
    // Typed `(###) `, paused: `(###)` is stored. The trailing space must stay for `###-####`.
    expect(storedReplacesText({ text: '(###) ', unsaved: false }, '(###)', trimmed, identity)).toBe(
      false,
    );
    expect(storedReplacesText({ text: '090', unsaved: false }, '90', minutes, String)).toBe(false);
  });

  it('keeps text not yet saved, or whose save failed, whatever storage says', () => {
    expect(storedReplacesText({ text: '45', unsaved: true }, '60', minutes, String)).toBe(false);
    expect(storedReplacesText({ text: 'abc', unsaved: true }, '60', minutes, String)).toBe(false);
  });

  it('shows a value changed elsewhere once everything typed is saved', () => {
    expect(storedReplacesText({ text: '45', unsaved: false }, '60', minutes, String)).toBe(true);
    expect(storedReplacesText({ text: '#', unsaved: false }, '', trimmed, identity)).toBe(true);
  });
});

describe('meansStored', () => {
  it('compares what the text means, not how it is spelled', () => {
    expect(meansStored(' 5 ', '5', minutes, String)).toBe(true);
    expect(meansStored('x', '5', minutes, String)).toBe(false);
  });
});

describe('notSavedMessage', () => {
  it('says the value was not saved and how to try again', () => {
    expect(notSavedMessage({ message: 'Not saved: quota exceeded.' })).toBe(
      'Not saved: quota exceeded. Leave the field to try again.',
    );
  });
});
