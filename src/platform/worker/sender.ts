/** Only this extension's own pages may talk to the worker; any other origin is refused. */
export function isTrustedSender(sender: chrome.runtime.MessageSender): boolean {
  if (sender.id !== chrome.runtime.id) return false;
  // Built by hand: URL.origin is "null" for non-special schemes outside the browser.
  const ownBase = chrome.runtime.getURL('/');
  const ownOrigin = ownBase.replace(/\/$/, '');
  if (sender.origin !== undefined) return sender.origin === ownOrigin;
  return sender.url !== undefined && sender.url.startsWith(ownBase);
}
