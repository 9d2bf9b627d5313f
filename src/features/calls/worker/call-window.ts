/** The call-pop window and CRM tabs: open, focus, show again, forget when closed. */
import { callSessions, callWindowPlace } from '@/platform/storage/keys';
import {
  boundsOf,
  CALL_WINDOW_SIZE,
  placeCallWindow,
  SOFTPHONE_PAGE,
  type Bounds,
} from '../model/window-place';
import { applyLocked, requireCall, transition } from './call-record';
import { withSessionLock } from './in-flight';
import { parseSessionId } from './validate';

export const CALLPOP_PATH = 'src/entrypoints/callpop/index.html';

async function softphoneBounds(): Promise<Bounds | null> {
  const [page] = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.TAB],
    documentUrls: [chrome.runtime.getURL(SOFTPHONE_PAGE)],
  });
  return page && page.windowId >= 0 ? boundsOf(await chrome.windows.get(page.windowId)) : null;
}

const workAreas = async () =>
  (await chrome.system.display.getInfo()).map((display) => display.workArea);

/** The softphone's window, the screens and the remembered place, read together. */
export async function callWindowBounds(): Promise<Partial<Bounds>> {
  try {
    const [softphone, areas, remembered] = await Promise.all([
      softphoneBounds(),
      workAreas(),
      callWindowPlace.get(),
    ]);
    return placeCallWindow(softphone, areas, remembered);
  } catch {
    return CALL_WINDOW_SIZE;
  }
}

async function openCallWindow(sessionId: string, place: Promise<Partial<Bounds>>) {
  const url = `${CALLPOP_PATH}?session=${encodeURIComponent(sessionId)}`;
  const open = (bounds: Partial<Bounds>) =>
    chrome.windows.create({ type: 'popup', url, focused: true, ...bounds });
  // Chrome refuses bounds mostly off screen (a screen gone since): it then places the window.
  const bounds = await place;
  const created = await open(bounds).catch((error: unknown) => {
    if (bounds.left === undefined) throw error;
    return open(CALL_WINDOW_SIZE);
  });
  return created?.id ?? null;
}

/** windows.onBoundsChanged: a normal-state call window moved or sized places the next one. */
export async function rememberPlace(window: chrome.windows.Window): Promise<void> {
  if (window.id === undefined || window.state !== 'normal') return;
  const pages = await chrome.runtime.getContexts({ windowIds: [window.id] });
  const page = chrome.runtime.getURL(CALLPOP_PATH);
  if (pages.some((context) => context.documentUrl?.startsWith(page))) {
    await callWindowPlace.set(boundsOf(window));
  }
}

/** Under the call's lock, so a pop and a Show call window never open two. A popping call's record
 * is in memory, so its pop opens the window even if the record could not be stored. */
export function showWindow(sessionId: string, place = callWindowBounds()) {
  return withSessionLock(sessionId, async () => {
    const { windowId: id } = await requireCall(sessionId);
    if (id !== null && (await focusWindow(id))) return { windowId: id, shown: 'focused' as const };
    const windowId = await openCallWindow(sessionId, place);
    if (windowId !== null) await applyLocked(sessionId, () => ({ type: 'windowOpened', windowId }));
    return { windowId, shown: 'opened' as const };
  });
}

const succeeds = (call: Promise<unknown>) => call.then(() => true).catch(() => false);

/** The worker may have slept through the window's onRemoved. */
export const windowExists = (windowId: number) => succeeds(chrome.windows.get(windowId));

export const focusWindow = (windowId: number) =>
  succeeds(chrome.windows.update(windowId, { focused: true, drawAttention: true }));

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

/** Events never reopen a window the person closed; this ask does, without counting as a pop. */
export async function handleShowCall(payload: unknown): Promise<{ shown: 'focused' | 'opened' }> {
  return { shown: (await showWindow(parseSessionId(payload))).shown };
}
