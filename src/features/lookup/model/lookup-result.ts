/** Changes to a lookup answer that a page makes itself, after a Save. */
import type { ContactView, LookupResult } from '@/platform/messages';

const sameContact = (a: ContactView, b: ContactView) =>
  String(a.id) === String(b.id) && (a.type ?? '') === (b.type ?? '');

/**
 * The answer with a contact the person just created, or logged a call against, added after the
 * matches already shown (none of which is dropped). The CRM's message about the old answer
 * ("not found") no longer describes a list with a contact in it, so it goes with an empty list.
 */
export function withContact(result: LookupResult, contact: ContactView): LookupResult {
  if (result.contacts.some((c) => sameContact(c, contact))) return result;
  return {
    ...result,
    contacts: [...result.contacts, contact],
    returnMessage: result.contacts.length === 0 ? null : result.returnMessage,
  };
}
