import { describe, expect, it } from 'vitest';
import { aLookupResult } from '@/test/calls';
import { withContact } from './lookup-result';
import type { ContactView, LookupResult } from '@/platform/messages';

const NOT_FOUND = { message: 'Contact not found', messageType: 'warning', ttl: 3000 } as const;
const MORE = { message: 'More than 100 contacts', messageType: 'warning', ttl: 3000 } as const;

const answer = (contacts: ContactView[], returnMessage: LookupResult['returnMessage']) => ({
  ...aLookupResult(contacts),
  returnMessage,
});

const carol: ContactView = { id: 3, name: 'Carol Diaz', type: 'person', pageUrl: null };
const eve: ContactView = { id: 12, name: 'Eve New', type: 'person', pageUrl: null };

describe('withContact', () => {
  it('adds a created contact and drops the "not found" that described the empty list', () => {
    expect(withContact(answer([], NOT_FOUND), eve)).toMatchObject({
      contacts: [eve],
      returnMessage: null,
    });
  });

  it('keeps the matches already shown, and their message, after them the new one', () => {
    expect(withContact(answer([carol], MORE), eve)).toMatchObject({
      contacts: [carol, eve],
      returnMessage: MORE,
    });
  });

  it('leaves the answer as it was when the contact is already in it', () => {
    const before = answer([carol], null);
    expect(withContact(before, { ...carol, id: '3' })).toBe(before);
    // A contact and a lead may share an id: another type is another contact.
    expect(withContact(before, { ...carol, type: 'lead' }).contacts).toHaveLength(2);
  });

  it('moves a picked contact first, marked, and unmarks it when the pick is forgotten', () => {
    const picked = withContact(answer([carol, eve], null), { ...eve, chosenBefore: true });
    expect(picked.contacts.map((c) => [c.name, c.chosenBefore])).toEqual([
      ['Eve New', true],
      ['Carol Diaz', false],
    ]);
    const forgotten = withContact(picked, { ...eve, chosenBefore: false });
    expect(forgotten.contacts.some((c) => c.chosenBefore)).toBe(false);
  });
});
