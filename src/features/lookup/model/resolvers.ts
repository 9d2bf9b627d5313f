// The "Create new contact..." placeholder is never a candidate: it is not a CRM record.
import { isPlaceholder, type Contact, type ReturnMessage } from './contact';
import { formatDay, parseCreatedDate } from './created-date';

export type ResolverId = 'earliestCreated' | 'mostRecentActivity' | 'alphabetical';

type ResolverOutcome =
  { ok: true; ordered: Contact[]; reason: string } | { ok: false; returnMessage: ReturnMessage };

const MAX_NAMES_LISTED = 5;

function displayName(contact: Contact): string {
  return contact.name?.trim() || `Contact ${contact.id}`;
}

/** "A", "A and B", "A, B and C", "A, B, C, D, E and 2 more". */
function listNames(contacts: Contact[]): string {
  const names = contacts.slice(0, MAX_NAMES_LISTED).map(displayName);
  const more = contacts.length - names.length;
  if (more > 0) names.push(`${more} more`);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const notResolved = (message: string): ResolverOutcome => ({
  ok: false,
  returnMessage: { messageType: 'warning', ttl: 8000, message },
});

/** Name (case- and accent-insensitive, digits as numbers), then id: never depends on input order. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byNameThenId = (a: Contact, b: Contact) =>
  collator.compare(displayName(a), displayName(b)) || collator.compare(String(a.id), String(b.id));

/** `connectorName` is named in the warning that asks for createdDate support. */
export function resolveContacts(
  contacts: readonly Contact[],
  resolver: ResolverId,
  connectorName = 'CRM',
): ResolverOutcome {
  const real = contacts.filter((c) => !isPlaceholder(c));
  const first = real[0];
  if (!first) return notResolved('No CRM contact matched, so there is no contact to choose.');
  if (real.length === 1) {
    return { ok: true, ordered: real, reason: `Only one contact matched: ${displayName(first)}` };
  }
  if (resolver === 'alphabetical') {
    const ordered = real.sort(byNameThenId);
    return { ok: true, ordered, reason: `First alphabetically: ${displayName(ordered[0]!)}` };
  }
  const earliest = resolver === 'earliestCreated';
  if (!earliest && resolver !== 'mostRecentActivity') {
    // A stale or hand-edited setting: say so rather than pick arbitrarily.
    return notResolved(
      `Cannot choose between the matched contacts: "${String(resolver)}" is not a known way of choosing.`,
    );
  }
  const dated = real.map((contact) => ({
    contact,
    ms: parseCreatedDate(earliest ? contact.createdDate : contact.mostRecentActivityDate),
  }));
  const undated = dated.filter((d) => d.ms === null).map((d) => d.contact);
  if (earliest && undated.length > 0) {
    return notResolved(
      `Cannot pick the earliest created contact: ${listNames(undated)} ` +
        `${undated.length === 1 ? 'has' : 'have'} no valid creation date. ` +
        `Ask the ${connectorName} connector's developer to return createdDate.`,
    );
  }
  if (undated.length === real.length) {
    return notResolved(
      'Cannot pick the contact with the most recent activity: none of the matched contacts has an activity date.',
    );
  }
  // Oldest created first, or newest activity first. Parsed dates are never below 1 ms, so -1 sends
  // contacts without one last, where they tie and fall back to name then id.
  const sign = earliest ? 1 : -1;
  dated.sort((a, b) => sign * ((a.ms ?? -1) - (b.ms ?? -1)) || byNameThenId(a.contact, b.contact));
  const top = dated[0]!;
  const day = formatDay(top.ms!);
  return {
    ok: true,
    ordered: dated.map((d) => d.contact),
    reason: earliest
      ? `Earliest created: ${displayName(top.contact)}, created ${day}`
      : `Most recent activity: ${displayName(top.contact)}, last active ${day}`,
  };
}
