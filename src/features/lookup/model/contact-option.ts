import type { ContactType } from './contact';
import type { ContactView } from '@/platform/messages';

/**
 * A contact as the Contact list names it: with its type when the CRM has several (a contact and
 * a lead for the same person are otherwise two identical lines), and its company.
 */
export function contactOption(contact: ContactView, types: readonly ContactType[]): string {
  const type =
    types.length > 1 && contact.type
      ? (types.find((t) => t.value.toLowerCase() === contact.type?.toLowerCase())?.display ??
        contact.type)
      : null;
  const details = [type, contact.company].filter(Boolean).join(', ');
  return details ? `${contact.name} (${details})` : contact.name;
}
