import type { ContactType } from './contact';
import type { ContactView } from '@/platform/messages';

// Type shown when the CRM has several: a contact and a lead for one person would be two identical
// lines.
export function contactOption(contact: ContactView, types: readonly ContactType[]): string {
  const type =
    types.length > 1 && contact.type
      ? (types.find((t) => t.value.toLowerCase() === contact.type?.toLowerCase())?.display ??
        contact.type)
      : null;
  const details = [type, contact.company].filter(Boolean).join(', ');
  return details ? `${contact.name} (${details})` : contact.name;
}
