// A form's state as one value, so a page can keep it as a draft that outlives the page.
// `onChange` hears every change after the first render.
import { useEffect, useRef, useState } from 'react';

export function useDraftState<T>(
  initial: () => T,
  onChange: ((draft: T) => void) | undefined,
): [T, (patch: Partial<T>) => void] {
  const [draft, setDraft] = useState(initial);
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  }, [onChange]);
  const start = useRef(draft);
  useEffect(() => {
    if (draft !== start.current) report.current?.(draft);
  }, [draft]);
  const update = (patch: Partial<T>) => setDraft((current) => ({ ...current, ...patch }));
  return [draft, update];
}
