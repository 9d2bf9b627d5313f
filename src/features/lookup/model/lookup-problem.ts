import type { ReturnMessage } from './contact';
import type { LookupResult } from '@/platform/messages';

// Why nothing was looked up: such an empty answer must never read as "no match", which would
// invite creating a duplicate. Shown in place, not toasted.
export function lookupProblem(result: LookupResult): ReturnMessage | null {
  return result.contacts.length === 0 && result.source === 'none' ? result.returnMessage : null;
}

// Nothing when the results show it in place (see ui/lookup-results.tsx).
export function lookupToast(result: LookupResult): ReturnMessage | null {
  return result.contacts.length === 0 && !lookupProblem(result) ? result.returnMessage : null;
}
