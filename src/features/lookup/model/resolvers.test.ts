import { describe, expect, it } from 'vitest';
import { CREATE_NEW_CONTACT, type Contact } from './contact';
import { resolveContacts, type ResolverId } from './resolvers';

const RESOLVER_IDS: ResolverId[] = ['earliestCreated', 'mostRecentActivity', 'alphabetical'];

const ada: Contact = {
  id: 'a1',
  name: 'Ada Lovelace',
  createdDate: '2024-03-01T09:00:00Z',
  mostRecentActivityDate: '2024-06-01T00:00:00Z',
};
const alan: Contact = {
  id: 'a2',
  name: 'Alan Turing',
  createdDate: 1717200000, // 1 Jun 2024, seconds
  mostRecentActivityDate: '2024-07-15',
};
const grace: Contact = {
  id: 'g1',
  name: 'Grace Hopper',
  createdDate: '/Date(1704067200000)/', // 1 Jan 2024
};
const ids = (contacts: Contact[]) => contacts.map((c) => c.id);
const ordered = (outcome: ReturnType<typeof resolveContacts>) =>
  outcome.ok ? outcome.ordered : [];

describe('resolveContacts: any resolver', () => {
  it.each(RESOLVER_IDS)('%s: no real contacts → not resolved with a warning', (resolver) => {
    const outcome = resolveContacts([CREATE_NEW_CONTACT], resolver);
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.returnMessage).toMatchObject({ messageType: 'warning' });
    expect(resolveContacts([], resolver).ok).toBe(false);
  });

  it.each(RESOLVER_IDS)('%s: one real contact → chosen, even without dates', (resolver) => {
    const lone: Contact = { id: 7, name: 'Lone Contact' };
    expect(resolveContacts([CREATE_NEW_CONTACT, lone], resolver)).toEqual({
      ok: true,
      ordered: [lone],
      reason: 'Only one contact matched: Lone Contact',
    });
  });

  it.each(RESOLVER_IDS)('%s: the placeholder never appears in the result', (resolver) => {
    const outcome = resolveContacts([CREATE_NEW_CONTACT, ada, alan, grace], resolver);
    if (!outcome.ok) throw new Error('expected resolved');
    expect(outcome.ordered).not.toContain(CREATE_NEW_CONTACT);
    expect(outcome.ordered).toHaveLength(3);
  });

  it('does not modify the input array', () => {
    const input = [alan, CREATE_NEW_CONTACT, ada, grace];
    resolveContacts(input, 'alphabetical');
    resolveContacts(input, 'earliestCreated');
    expect(input).toEqual([alan, CREATE_NEW_CONTACT, ada, grace]);
  });

  it('refuses an unknown resolver instead of picking arbitrarily', () => {
    const outcome = resolveContacts([ada, alan], 'newest' as ResolverId);
    expect(outcome).toMatchObject({ ok: false });
  });
});

describe('resolveContacts: earliestCreated', () => {
  it('chooses the earliest createdDate across formats and orders the rest by date', () => {
    expect(resolveContacts([ada, alan, grace, CREATE_NEW_CONTACT], 'earliestCreated')).toEqual({
      ok: true,
      ordered: [grace, ada, alan],
      reason: 'Earliest created: Grace Hopper, created 1 Jan 2024',
    });
  });

  it('states the creation day in UTC', () => {
    const outcome = resolveContacts([ada, alan], 'earliestCreated');
    expect(outcome).toMatchObject({ reason: 'Earliest created: Ada Lovelace, created 1 Mar 2024' });
  });

  it('refuses when any real contact lacks a valid createdDate, naming it', () => {
    const noDate: Contact = { id: 'x', name: 'Charles Babbage' };
    const outcome = resolveContacts([ada, noDate, alan], 'earliestCreated', 'Pipedrive');
    expect(outcome).toEqual({
      ok: false,
      returnMessage: {
        messageType: 'warning',
        ttl: 8000,
        message:
          "Cannot pick the earliest created contact: Charles Babbage has no valid creation date. Ask the Pipedrive connector's developer to return createdDate.",
      },
    });
  });

  it('treats unparsable dates as missing and lists every contact without one', () => {
    const slash: Contact = { id: 's', name: 'Slash Date', createdDate: '01/02/2024' };
    const zero: Contact = { id: 'z', name: 'Zero Date', createdDate: 0 };
    const outcome = resolveContacts([slash, ada, zero], 'earliestCreated');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.returnMessage.message).toBe(
      "Cannot pick the earliest created contact: Slash Date and Zero Date have no valid creation date. Ask the CRM connector's developer to return createdDate.",
    );
  });

  it('shortens a long list of contacts without dates', () => {
    const many = Array.from({ length: 7 }, (_, i): Contact => ({ id: i, name: `P${i}` }));
    const outcome = resolveContacts(many, 'earliestCreated');
    if (outcome.ok) throw new Error('expected not resolved');
    expect(outcome.returnMessage.message).toContain('P0, P1, P2, P3, P4 and 2 more have');
  });

  it('breaks ties by name, then by id', () => {
    const date = '2024-01-01T00:00:00Z';
    const zed: Contact = { id: 1, name: 'Zed', createdDate: date };
    const amy2: Contact = { id: 'b', name: 'amy', createdDate: date };
    const amy1: Contact = { id: 'a', name: 'Amy', createdDate: '2024-01-01' };
    for (const input of [
      [zed, amy2, amy1],
      [amy1, zed, amy2],
    ]) {
      expect(ids(ordered(resolveContacts(input, 'earliestCreated')))).toEqual(['a', 'b', 1]);
    }
  });
});

describe('resolveContacts: mostRecentActivity', () => {
  it('puts the latest activity first and contacts without one last', () => {
    const outcome = resolveContacts([grace, ada, alan], 'mostRecentActivity');
    expect(outcome).toEqual({
      ok: true,
      ordered: [alan, ada, grace],
      reason: 'Most recent activity: Alan Turing, last active 15 Jul 2024',
    });
  });

  it('orders contacts without activity by name, then id, after the dated ones', () => {
    const bob: Contact = { id: 'b', name: 'Bob' };
    const abe: Contact = { id: 'c', name: 'Abe', mostRecentActivityDate: 'not a date' };
    expect(ids(ordered(resolveContacts([bob, abe, grace, ada], 'mostRecentActivity')))).toEqual([
      'a1',
      'c',
      'b',
      'g1',
    ]);
  });

  it('breaks ties by name', () => {
    const same = '2024-05-05T05:05:05Z';
    const b: Contact = { id: 1, name: 'Beth', mostRecentActivityDate: same };
    const a: Contact = { id: 2, name: 'Anna', mostRecentActivityDate: Date.parse(same) };
    expect(ordered(resolveContacts([b, a], 'mostRecentActivity'))[0]).toBe(a);
  });

  it('refuses when no contact has an activity date', () => {
    const outcome = resolveContacts([grace, { id: 'q', name: 'Q' }], 'mostRecentActivity');
    expect(outcome).toMatchObject({
      ok: false,
      returnMessage: { messageType: 'warning', ttl: 8000 },
    });
    if (!outcome.ok) expect(outcome.returnMessage.message).toMatch(/no.*activity date/i);
  });
});

describe('resolveContacts: alphabetical', () => {
  it('sorts by name ignoring case and accents, then by id', () => {
    // Base sensitivity makes these equal names, so the id decides (accent-aware order would not).
    const eve2: Contact = { id: 2, name: 'eve' };
    const eve1: Contact = { id: 1, name: 'Ève' };
    const bob: Contact = { id: 3, name: 'bob' };
    const outcome = resolveContacts([eve2, eve1, CREATE_NEW_CONTACT, bob], 'alphabetical');
    expect(outcome).toEqual({
      ok: true,
      ordered: [bob, eve1, eve2],
      reason: 'First alphabetically: bob',
    });
  });

  it('compares numeric ids as numbers and needs no dates', () => {
    const c10: Contact = { id: 10, name: 'Same' };
    const c9: Contact = { id: 9, name: 'Same' };
    expect(ids(ordered(resolveContacts([c10, c9], 'alphabetical')))).toEqual([9, 10]);
  });

  it('names contacts without a name by id', () => {
    const unnamed = { id: 42, name: '' } as Contact;
    const outcome = resolveContacts([unnamed, ada], 'alphabetical');
    expect(ordered(outcome)[0]).toBe(ada);
    expect(resolveContacts([unnamed, { id: 'z', name: 'Zoe' }], 'alphabetical')).toMatchObject({
      reason: 'First alphabetically: Contact 42',
    });
  });
});
