import { useLayoutEffect } from 'react';

/** Set on the first frame that shows a match's name; `npm run bench` times the pop by it. */
export const NAME_SHOWN_MARK = 'callpop:name-shown';

export function useNameShownMark(shown: boolean): void {
  useLayoutEffect(() => {
    if (!shown || performance.getEntriesByName(NAME_SHOWN_MARK).length > 0) return;
    // The frame that paints this commit starts with its animation frame callbacks.
    requestAnimationFrame(() => performance.mark(NAME_SHOWN_MARK));
  }, [shown]);
}
