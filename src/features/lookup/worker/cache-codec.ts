// Short names, no empty fields and no `phone` equal to the key keep an entry well under 200 bytes.
import type { Contact } from '../model/contact';
import type { CompactContact } from '@/platform/storage/keys';

const isEmpty = (value: unknown): boolean =>
  value == null || value === '' || (typeof value === 'object' && Object.keys(value).length === 0);

// The name first; the phone is kept apart, only when it differs from the key.
const FIELDS = [
  ['n', 'name'],
  ['t', 'type'],
  ['ti', 'title'],
  ['co', 'company'],
  ['e', 'email'],
  ['cd', 'createdDate'],
  ['ad', 'mostRecentActivityDate'],
  ['od', 'openDeals'],
  ['o', 'ownerId'],
  ['x', 'additionalInfo'],
] as const;

export function encodeContact(contact: Contact, e164: string): CompactContact {
  const out: Record<string, unknown> = { i: contact.id };
  for (const [short, long] of FIELDS) if (!isEmpty(contact[long])) out[short] = contact[long];
  if (contact.phone !== e164 && !isEmpty(contact.phone)) out.p = contact.phone;
  return out as unknown as CompactContact;
}

export function decodeContact(compact: CompactContact, e164: string): Contact {
  const contact: Record<string, unknown> = { id: compact.i, name: compact.n ?? '' };
  contact.phone = compact.p ?? e164;
  for (const [short, long] of FIELDS.slice(1)) {
    if (compact[short] !== undefined) contact[long] = compact[short];
  }
  return contact as unknown as Contact;
}

/** Seconds since epoch: the cache's time unit (three bytes shorter than milliseconds). */
export const toSeconds = (ms: number): number => Math.floor(ms / 1000);
