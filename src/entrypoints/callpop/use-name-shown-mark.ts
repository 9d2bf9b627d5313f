import { useLayoutEffect } from 'react';
import { NAME_SHOWN_MARK } from './name-shown-mark';

export function useNameShownMark(shown: boolean): void {
  useLayoutEffect(() => {
    if (!shown || performance.getEntriesByName(NAME_SHOWN_MARK).length > 0) return;
    // The frame that paints this commit starts with its animation frame callbacks.
    requestAnimationFrame(() => performance.mark(NAME_SHOWN_MARK));
  }, [shown]);
}
