/**
 * A text input over a stored setting: the typed text is kept as typed (never lost on a
 * validation error), checked on every keystroke, and committed shortly after typing stops or on
 * blur when valid. A change stored elsewhere replaces the text only while nothing is pending.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Checked } from './validation';

const COMMIT_DELAY_MS = 400;

export interface Draft {
  text: string;
  error: string | null;
  onChange: (text: string) => void;
  onBlur: () => void;
}

export function useDraft<T>(
  stored: T,
  toText: (value: T) => string,
  check: (text: string) => Checked<T>,
  commit: (value: T) => void,
): Draft {
  const [text, setText] = useState(() => toText(stored));
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const storedText = toText(stored);

  // Reflect changes saved elsewhere, unless the user has typed something not yet saved.
  const [seen, setSeen] = useState(storedText);
  if (seen !== storedText) {
    setSeen(storedText);
    if (!dirty) {
      setText(storedText);
      setError(null);
    }
  }

  const flush = useCallback(
    (value: string) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const checked = check(value);
      if (!checked.ok) return;
      setDirty(false);
      if (toText(checked.value) !== storedText) commit(checked.value);
    },
    [check, commit, storedText, toText],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    text,
    error,
    onChange: (value) => {
      setText(value);
      setDirty(true);
      const checked = check(value);
      setError(checked.ok ? null : checked.message);
      if (timer.current) clearTimeout(timer.current);
      if (checked.ok) timer.current = setTimeout(() => flush(value), COMMIT_DELAY_MS);
    },
    onBlur: () => flush(text),
  };
}
