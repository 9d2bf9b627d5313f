import { describe, expect, it } from 'vitest';
import { decodeContact, encodeContact } from './cache-codec';

describe('cache codec', () => {
  it('keeps what the card shows, open deals and owner included, through the cache', () => {
    const e164 = '+14155550102';
    const contact = { id: 2, name: 'Bob', phone: e164, openDeals: 2, ownerId: '9001', title: '' };
    const compact = encodeContact(contact, e164);
    expect(compact).toEqual({ i: 2, n: 'Bob', od: 2, o: '9001' });
    expect(decodeContact(compact, e164)).toEqual({ ...contact, title: undefined });
  });
});
