import { httpUrl } from '../url-template';
import { messageOf } from '../message-of';
import type { Toasts } from './toast';

/** Opens a CRM page in a new tab: only http(s) links, so a bad template can never run script; a
 * page that cannot be opened is said in an error toast. */
export async function openCrmPage(url: string | null, toasts: Pick<Toasts, 'error'>) {
  const safe = url ? httpUrl(url) : null;
  if (!safe) return toasts.error('This contact has no CRM page CallPop can open.');
  try {
    await chrome.tabs.create({ url: safe });
  } catch (error) {
    toasts.error(`The CRM page could not be opened: ${messageOf(error)}`);
  }
}
