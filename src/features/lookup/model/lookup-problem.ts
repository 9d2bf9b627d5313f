import type { ReturnMessage } from './contact';
import type { LookupResult } from '@/platform/messages';

/**
 * Why nothing was looked up (the CRM failed with nothing cached, or an extension number), or
 * null. The engine answers such lookups with no contacts; they must never read as "no match",
 * which would invite creating a duplicate. Shown in place, so pages need not toast it too.
 */
export function lookupProblem(result: LookupResult): ReturnMessage | null {
  return result.contacts.length === 0 && result.source === 'none' ? result.returnMessage : null;
}

/**
 * What a lookup still has to say in a toast: nothing when the results show it in place (a
 * problem, or a note next to the contacts, see ui/lookup-results.tsx).
 */
export function lookupToast(result: LookupResult): ReturnMessage | null {
  return result.contacts.length === 0 && !lookupProblem(result) ? result.returnMessage : null;
}
