// The "Create new contact..." placeholder is never a candidate: it is not a CRM record.
import { isPlaceholder, type Contact, type ReturnMessage } from './contact';
import { formatDay, parseCreatedDate } from './created-date';

export type ResolverId = 'earliestCreated' | 'mostRecentActivity' | 'alphabetical';

export const RESOLVER_IDS: readonly ResolverId[] = [
  'earliestCreated',
  'mostRecentActivity',
  'alphabetical',
];

type ResolverOutcome =
  | { ok: true; resolver: ResolverId; chosen: Contact; ordered: Contact[]; reason: string }
  | { ok: false; resolver: ResolverId; ordered: Contact[]; returnMessage: ReturnMessage };

interface ResolverOptions {
  /** Used in the warning that asks for createdDate support, e.g. "Pipedrive". */
  connectorName?: string;
  /** Locale for comparing names; the runtime's default when omitted. */
  locale?: string;
}

const WARNING_TTL = 8000;
const MAX_NAMES_LISTED = 5;

function displayName(contact: Contact): string {
  const name = contact.name?.trim();
  return name ? name : `Contact ${contact.id}`;
}

/** "A", "A and B", "A, B and C", "A, B, C, D, E and 2 more". */
function listNames(contacts: Contact[]): string {
  const names = contacts.slice(0, MAX_NAMES_LISTED).map(displayName);
  const more = contacts.length - names.length;
  if (more > 0) names.push(`${more} more`);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function warning(message: string): ReturnMessage {
  return { messageType: 'warning', ttl: WARNING_TTL, message };
}

function notResolved(resolver: ResolverId, ordered: Contact[], message: string): ResolverOutcome {
  return { ok: false, resolver, ordered, returnMessage: warning(message) };
}

/** Name (case- and accent-insensitive, digits as numbers), then id: never depends on input order. */
function byNameThenId(locale: string | undefined): (a: Contact, b: Contact) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return (a, b) =>
    collator.compare(displayName(a), displayName(b)) ||
    collator.compare(String(a.id), String(b.id));
}

export function resolveContacts(
  contacts: readonly Contact[],
  resolver: ResolverId,
  options: ResolverOptions = {},
): ResolverOutcome {
  const real = contacts.filter((c) => !isPlaceholder(c));
  if (real.length === 0) {
    return notResolved(resolver, [], 'No CRM contact matched, so there is no contact to choose.');
  }
  if (real.length === 1) {
    const only = real[0]!;
    return {
      ok: true,
      resolver,
      chosen: only,
      ordered: [only],
      reason: `Only one contact matched: ${displayName(only)}`,
    };
  }
  const tieBreak = byNameThenId(options.locale);

  switch (resolver) {
    case 'earliestCreated': {
      const dated = real.map((contact) => ({ contact, ms: parseCreatedDate(contact.createdDate) }));
      const undated = dated.filter((d) => d.ms === null).map((d) => d.contact);
      if (undated.length > 0) {
        const connector = options.connectorName?.trim() || 'CRM';
        return notResolved(
          resolver,
          real,
          `Cannot pick the earliest created contact: ${listNames(undated)} ` +
            `${undated.length === 1 ? 'has' : 'have'} no valid creation date. ` +
            `Ask the ${connector} connector's developer to return createdDate.`,
        );
      }
      dated.sort((a, b) => a.ms! - b.ms! || tieBreak(a.contact, b.contact));
      const first = dated[0]!;
      return resolved(
        resolver,
        dated.map((d) => d.contact),
        `Earliest created: ${displayName(first.contact)}, created ${formatDay(first.ms!)}`,
      );
    }

    case 'mostRecentActivity': {
      const dated = real.map((contact) => ({
        contact,
        ms: parseCreatedDate(contact.mostRecentActivityDate),
      }));
      if (dated.every((d) => d.ms === null)) {
        return notResolved(
          resolver,
          real,
          'Cannot pick the contact with the most recent activity: none of the matched contacts has an activity date.',
        );
      }
      // Newest first. Parsed dates are never below 1 ms, so -1 sends contacts without one last,
      // where they tie and fall back to name then id.
      dated.sort((a, b) => (b.ms ?? -1) - (a.ms ?? -1) || tieBreak(a.contact, b.contact));
      const first = dated[0]!;
      return resolved(
        resolver,
        dated.map((d) => d.contact),
        `Most recent activity: ${displayName(first.contact)}, last active ${formatDay(first.ms!)}`,
      );
    }

    case 'alphabetical': {
      const ordered = [...real].sort(tieBreak);
      return resolved(resolver, ordered, `First alphabetically: ${displayName(ordered[0]!)}`);
    }

    default: // A stale or hand-edited setting: say so rather than pick arbitrarily.
      return notResolved(
        resolver,
        real,
        `Cannot choose between the matched contacts: "${String(resolver)}" is not a known way of choosing.`,
      );
  }
}

function resolved(resolver: ResolverId, ordered: Contact[], reason: string): ResolverOutcome {
  return { ok: true, resolver, chosen: ordered[0]!, ordered, reason };
}
