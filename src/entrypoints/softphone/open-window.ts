// An app window, not the side panel: a side panel opens only from a user gesture and closes with
// its browser window, while the softphone must stay alive to receive calls.
import { SOFTPHONE_PAGE } from '@/features/calls/model/window-place';

const SIZE = { width: 400, height: 680 };

// The window this page created: Chrome lists the new page's context only once it has loaded, so
// a call right after a create must not take "no context yet" for "no window".
let created: number | null = null;

/** Its caller's button is disabled while this runs, so a double click asks once. */
export async function openSoftphoneWindow(): Promise<chrome.windows.Window | undefined> {
  const url = chrome.runtime.getURL(SOFTPHONE_PAGE);
  const [existing] = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.TAB],
    documentUrls: [url],
  });
  if (existing && existing.windowId >= 0) {
    return chrome.windows.update(existing.windowId, { focused: true });
  }
  if (created !== null) {
    try {
      return await chrome.windows.update(created, { focused: true });
    } catch {
      // Closed since: open a new one.
      created = null;
    }
  }
  const win = await chrome.windows.create({ url, type: 'popup', ...SIZE, focused: true });
  created = win?.id ?? null;
  return win;
}
