// Typed text is kept as typed (never lost on an error or a failed save) and committed after a
// pause, on blur, or when the page hides; storage replaces it only when nothing typed is unsaved.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SaveOutcome } from './use-settings';
import type { Checked } from './validation';

const COMMIT_DELAY_MS = 400;

/** True when `text` is a valid spelling of the stored value, such as it with spaces around. */
export function meansStored<T>(
  text: string,
  storedText: string,
  check: (text: string) => Checked<T>,
) {
  if (text === storedText) return true;
  const checked = check(text);
  return checked.ok && String(checked.value) === storedText;
}

export function useDraft<T>(
  stored: T,
  check: (text: string) => Checked<T>,
  commit: (value: T) => Promise<SaveOutcome>,
) {
  const storedText = String(stored);
  const [text, setText] = useState(storedText);
  const [error, setError] = useState<string | null>(null);
  // From the first keystroke until that text is stored: storage may not replace it. It stays
  // set when a save fails, so re-reading storage does not undo the typing.
  const [unsaved, setUnsaved] = useState(false);

  const [seen, setSeen] = useState(storedText);
  if (seen !== storedText) {
    setSeen(storedText);
    if (!unsaved && !meansStored(text, storedText, check)) {
      setText(storedText);
      setError(null);
    }
  }

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Text typed and valid but not yet committed (the timer is running).
  const waiting = useRef<string | null>(null);
  // Counts keystrokes, so an answer to an older save does not mark newer typing saved.
  const edits = useRef(0);
  const inFlight = useRef(0);
  const latest = useRef({ storedText, check, commit });
  useLayoutEffect(() => {
    latest.current = { storedText, check, commit };
  });

  const stopWaiting = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    waiting.current = null;
  };
  const flush = useCallback((value: string) => {
    stopWaiting();
    const { storedText: current, check: checkNow, commit: save } = latest.current;
    const checked = checkNow(value);
    if (!checked.ok) return;
    if (String(checked.value) === current) {
      // Already stored (a failed save's message no longer applies); only an earlier save still
      // on its way keeps the text protected.
      setError(null);
      if (inFlight.current === 0) setUnsaved(false);
      return;
    }
    const edit = edits.current;
    inFlight.current += 1;
    void save(checked.value).then((outcome) => {
      inFlight.current -= 1;
      if (edits.current !== edit) return; // typed since: that text has its own save
      if (outcome.ok) {
        setError(null);
        if (inFlight.current === 0) setUnsaved(false);
      } else {
        setError(`${outcome.message} Leave the field to try again.`);
      }
    });
  }, []);

  // Whatever is waiting is saved now when the page is hidden (also before it closes or reloads),
  // or the field goes away.
  useEffect(() => {
    const flushWaiting = () => {
      if (waiting.current !== null) flush(waiting.current);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushWaiting();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      flushWaiting();
    };
  }, [flush]);

  return {
    value: text,
    error,
    onChange: (value: string) => {
      edits.current += 1;
      setText(value);
      setUnsaved(true);
      const checked = check(value);
      setError(checked.ok ? null : checked.message);
      stopWaiting();
      if (checked.ok) {
        waiting.current = value;
        timer.current = setTimeout(() => flush(value), COMMIT_DELAY_MS);
      }
    },
    onBlur: () => flush(text),
  };
}
