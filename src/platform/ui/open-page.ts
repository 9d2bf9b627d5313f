/** Opens a CRM page in a new tab: only http(s) links, so a bad template can never run script. */
import { httpUrl } from '../url-template';

export async function openCrmPage(url: string | null | undefined): Promise<string | null> {
  const safe = url ? httpUrl(url) : null;
  if (!safe) return 'This contact has no CRM page CallPop can open.';
  try {
    await chrome.tabs.create({ url: safe });
    return null;
  } catch (error) {
    return `The CRM page could not be opened: ${error instanceof Error ? error.message : String(error)}`;
  }
}
