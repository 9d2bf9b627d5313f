/** Changes to a lookup answer that a page makes itself, after a Save. */
import type { ContactView, LookupResult } from '@/platform/messages';
import type { Contact } from './contact';

type Ref = Pick<Contact, 'id' | 'type'>;
export const sameContact = (a: Ref, b: Ref) =>
  String(a.id) === String(b.id) && (a.type ?? '') === (b.type ?? '');

// The CRM's "not found" no longer describes a list with a contact in it, so it goes.
// A pick (`chosenBefore` set) puts the contact first, the others unmarked; forgetting unmarks it.
export function withContact(result: LookupResult, contact: ContactView): LookupResult {
  const known = result.contacts.find((c) => sameContact(c, contact));
  if (known && contact.chosenBefore !== undefined) {
    const others = result.contacts.filter((c) => c !== known);
    const unmarked = others.map((c) => ({ ...c, chosenBefore: false }));
    return { ...result, contacts: [{ ...known, chosenBefore: contact.chosenBefore }, ...unmarked] };
  }
  if (known) return result;
  return {
    ...result,
    contacts: [...result.contacts, contact],
    returnMessage: result.contacts.length === 0 ? null : result.returnMessage,
  };
}
