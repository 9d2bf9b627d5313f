import { describe, expect, it } from 'vitest';
import type { ContactView } from '@/platform/messages';
import { NEW, choiceKey, draftForContacts, freshDraft } from './log-draft';

const view = (id: number, type: string, name: string): ContactView => ({
  id,
  type,
  name,
  phone: '+14155550166',
  pageUrl: null,
});
const peter = view(104, 'Contact', 'Peter Novak');
const sam = view(301, 'Lead', 'Sam Rivera');
const lead104 = view(104, 'Lead', 'Lena Novak');

describe('draftForContacts', () => {
  const draft = (choice: string) => ({
    ...freshDraft({ contacts: [peter, sam], contactTypes: [], call: null }),
    choice,
    note: 'typed',
  });

  it('follows the chosen contact to its new place in the list', () => {
    const chosen = choiceKey('1', [peter, sam]);
    expect(draftForContacts(draft('1'), chosen, [sam, peter])).toMatchObject({
      choice: '0',
      note: 'typed',
    });
    expect(draftForContacts(draft('1'), chosen, [peter, lead104, sam]).choice).toBe('2');
  });

  it('tells a contact from a lead with the same id', () => {
    const chosen = choiceKey('0', [peter, sam]);
    expect(draftForContacts(draft('0'), chosen, [lead104, sam, peter]).choice).toBe('2');
  });

  it('falls back to the first contact, or a new one, when the chosen one is gone', () => {
    const chosen = choiceKey('0', [peter, sam]);
    expect(draftForContacts(draft('0'), chosen, [lead104, sam]).choice).toBe('0');
    expect(draftForContacts(draft('0'), chosen, []).choice).toBe(NEW);
  });

  it('keeps a new contact with a name typed as the choice', () => {
    const named = { ...draft(NEW), newName: 'Ann Lee' };
    expect(draftForContacts(named, null, [sam]).choice).toBe(NEW);
    expect(draftForContacts(draft(NEW), null, []).choice).toBe(NEW);
    expect(choiceKey(NEW, [peter])).toBeNull();
  });

  it('offers the first match instead of an unnamed new contact once the CRM has matches', () => {
    expect(draftForContacts(draft(NEW), null, [sam, peter])).toMatchObject({
      choice: '0',
      note: 'typed',
    });
    // Chosen over matches on purpose (none of them is the caller): it stays.
    expect(draftForContacts(draft(NEW), null, [sam, peter], true).choice).toBe(NEW);
  });
});
