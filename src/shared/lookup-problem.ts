import type { ReturnMessage } from './contact';
import type { LookupResult } from './messages';

/**
 * Why nothing was looked up (the CRM failed with nothing cached, or an extension number), or
 * null. The engine answers such lookups with no contacts; they must never read as "no match",
 * which would invite creating a duplicate. Shown in place, so pages need not toast it too.
 */
export function lookupProblem(result: LookupResult): ReturnMessage | null {
  return result.contacts.length === 0 && result.source === 'none' ? result.returnMessage : null;
}
