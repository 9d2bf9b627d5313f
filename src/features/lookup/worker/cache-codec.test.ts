import { describe, expect, it } from 'vitest';
import { decodeContact, encodeContact } from './cache-codec';

describe('cache codec', () => {
  it('keeps what the card shows, the open deals count included, through the cache', () => {
    const e164 = '+14155550102';
    const contact = { id: 2, name: 'Bob Smith', phone: e164, email: 'bob@acme.test', openDeals: 2 };
    expect(decodeContact(encodeContact(contact, e164), e164)).toEqual(contact);
  });
});
