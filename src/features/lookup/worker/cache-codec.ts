// Short names, no empty fields and no `phone` equal to the key keep an entry well under 200 bytes.
import type { Contact } from '../model/contact';
import type { CompactContact } from '@/platform/storage/keys';

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export function encodeContact(contact: Contact, e164: string): CompactContact {
  const out: CompactContact = { i: contact.id };
  const put = <K extends keyof CompactContact>(key: K, value: CompactContact[K] | null): void => {
    if (!isEmpty(value)) out[key] = value as CompactContact[K];
  };
  put('n', contact.name);
  if (contact.phone !== e164) put('p', contact.phone);
  put('t', contact.type);
  put('ti', contact.title);
  put('co', contact.company);
  put('e', contact.email);
  put('cd', contact.createdDate);
  put('ad', contact.mostRecentActivityDate);
  put('x', contact.additionalInfo ?? undefined);
  return out;
}

export function decodeContact(compact: CompactContact, e164: string): Contact {
  const contact: Contact = { id: compact.i, name: compact.n ?? '', phone: compact.p ?? e164 };
  if (compact.t !== undefined) contact.type = compact.t;
  if (compact.ti !== undefined) contact.title = compact.ti;
  if (compact.co !== undefined) contact.company = compact.co;
  if (compact.e !== undefined) contact.email = compact.e;
  if (compact.cd !== undefined) contact.createdDate = compact.cd;
  if (compact.ad !== undefined) contact.mostRecentActivityDate = compact.ad;
  if (compact.x !== undefined) contact.additionalInfo = compact.x;
  return contact;
}

/** Seconds since epoch: the cache's time unit (three bytes shorter than milliseconds). */
export const toSeconds = (ms: number): number => Math.floor(ms / 1000);
