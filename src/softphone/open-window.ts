/**
 * Opens (or brings forward) the softphone window. An app window, not the side panel: a side
 * panel opens only from a user gesture and closes with its browser window, while the softphone
 * must stay alive to receive calls.
 */
export const SOFTPHONE_PAGE = 'src/softphone/index.html';
const SIZE = { width: 400, height: 680 };

export async function openSoftphoneWindow(): Promise<chrome.windows.Window | undefined> {
  const url = chrome.runtime.getURL(SOFTPHONE_PAGE);
  const [existing] = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.TAB],
    documentUrls: [url],
  });
  if (existing && existing.windowId >= 0) {
    return chrome.windows.update(existing.windowId, { focused: true });
  }
  return chrome.windows.create({ url, type: 'popup', ...SIZE, focused: true });
}
