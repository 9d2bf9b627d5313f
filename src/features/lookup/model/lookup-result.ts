/** Changes to a lookup answer that a page makes itself, after a Save. */
import type { ContactView, LookupResult } from '@/platform/messages';

const sameContact = (a: ContactView, b: ContactView) =>
  String(a.id) === String(b.id) && (a.type ?? '') === (b.type ?? '');

// The CRM's "not found" no longer describes a list with a contact in it, so it goes.
export function withContact(result: LookupResult, contact: ContactView): LookupResult {
  if (result.contacts.some((c) => sameContact(c, contact))) return result;
  return {
    ...result,
    contacts: [...result.contacts, contact],
    returnMessage: result.contacts.length === 0 ? null : result.returnMessage,
  };
}
