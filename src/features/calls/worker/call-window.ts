/** The call-pop window and CRM tabs: open, focus, and forget a window the person closed. */
import { callSessions } from '@/platform/storage/keys';
import { transition } from './call-record';

export const CALLPOP_PATH = 'src/entrypoints/callpop/index.html';
export const CALLPOP_SIZE = { width: 380, height: 560 } as const;

export function callPopUrl(sessionId: string): string {
  return `${CALLPOP_PATH}?session=${encodeURIComponent(sessionId)}`;
}

export async function openCallWindow(sessionId: string): Promise<number | null> {
  const created = await chrome.windows.create({
    type: 'popup',
    url: callPopUrl(sessionId),
    ...CALLPOP_SIZE,
    focused: true,
  });
  return created?.id ?? null;
}

/** True when the window still exists (the worker may have slept through its onRemoved). */
export async function windowExists(windowId: number): Promise<boolean> {
  try {
    await chrome.windows.get(windowId);
    return true;
  } catch {
    return false;
  }
}

export async function focusWindow(windowId: number): Promise<boolean> {
  try {
    await chrome.windows.update(windowId, { focused: true, drawAttention: true });
    return true;
  } catch {
    return false;
  }
}

/** Opens each URL in a tab; they were checked to be http(s) by the pop rules. */
export async function openTabs(urls: readonly string[]): Promise<number> {
  const opened = await Promise.allSettled(urls.map((url) => chrome.tabs.create({ url })));
  return opened.filter((outcome) => outcome.status === 'fulfilled').length;
}

/** windows.onRemoved: the call keeps its "popped" mark; only the window id is dropped. */
export async function forgetClosedWindow(windowId: number): Promise<void> {
  const sessions = await callSessions.getMany(await callSessions.ids());
  for (const [id, session] of sessions) {
    if (session.windowId === windowId) {
      await transition(id, () => ({ type: 'windowClosed', windowId }));
    }
  }
}
