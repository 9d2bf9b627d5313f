import type { ContactType } from './contact';
import type { ContactView } from '@/platform/messages';

// The type where the CRM has several: a contact and a lead for one person would read the same.
export function contactOption(contact: ContactView, types: readonly ContactType[]): string {
  const type =
    types.length > 1 && contact.type
      ? (types.find((t) => t.value.toLowerCase() === contact.type?.toLowerCase())?.display ??
        contact.type)
      : null;
  const details = [type, contact.company].filter(Boolean).join(', ');
  return details ? `${contact.name} (${details})` : contact.name;
}
