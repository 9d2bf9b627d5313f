/**
 * The call-pop window's address and size, and how it opens. Shared because two places open it:
 * the worker, and the softphone page when the window is certain to show (see pop-rules.ts), which
 * saves the hop to the worker (and its wake-up) on the way from ring to window.
 */
export const CALLPOP_PATH = 'src/callpop/index.html';
export const CALLPOP_SIZE = { width: 380, height: 560 } as const;

export function callPopUrl(sessionId: string): string {
  return `${CALLPOP_PATH}?session=${encodeURIComponent(sessionId)}`;
}

/** Opens the call's window; its id, or null when Chrome gives none. */
export async function createCallPopWindow(sessionId: string): Promise<number | null> {
  const created = await chrome.windows.create({
    type: 'popup',
    url: chrome.runtime.getURL(callPopUrl(sessionId)),
    ...CALLPOP_SIZE,
    focused: true,
  });
  return created?.id ?? null;
}
