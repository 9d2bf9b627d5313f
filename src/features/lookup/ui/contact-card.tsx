/** One matched contact as a row: name and company first, then what helps on the phone. */
import { forwardRef, type ReactNode } from 'react';
import { formatDay, parseCreatedDate } from '../model/created-date';
import type { ContactType } from '../model/contact';
import type { ContactView } from '@/platform/messages';

function day(value: ContactView['createdDate']): string | null {
  const ms = parseCreatedDate(value);
  return ms === null ? null : formatDay(ms);
}

// The type only where the CRM has several (a lead is not a contact), in the CRM's own word.
function facts(contact: ContactView, types: readonly ContactType[]): string {
  const type = types.length > 1 ? types.find((t) => t.value === contact.type)?.display : null;
  const active = day(contact.mostRecentActivityDate);
  const created = day(contact.createdDate);
  return [
    type,
    contact.openDeals ? `${contact.openDeals} open deal${contact.openDeals > 1 ? 's' : ''}` : null,
    // Created is what several matches are ordered by; an activity the same day adds nothing.
    active && active !== created ? `Last activity ${active}` : null,
    created ? `Created ${created}` : null,
    contact.owner ? 'Owner:\u00a0' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

interface ContactCardProps {
  contact: ContactView;
  types: readonly ContactType[];
  onOpen: (contact: ContactView) => void;
  /** What the row offers beside opening the contact ("This is the caller"). */
  children?: ReactNode;
}

// CRM text sits in <bdi>: a right-to-left override in a name never reverses what follows it.
export const ContactCard = forwardRef<HTMLButtonElement, ContactCardProps>(function ContactCard(
  { contact, types, onOpen, children },
  openRef,
) {
  const org = [contact.title, contact.company].filter(Boolean).join(', ');
  const more = facts(contact, types);
  // No-break spaces: "Owner: Dana Demo" goes to the next line whole, never split after a word.
  const owner = contact.owner?.replace(/ /g, '\u00a0');
  return (
    <article className="card" data-testid="contact-card" aria-label={contact.name}>
      <div className="card-head">
        <h3>
          <bdi>{contact.name}</bdi>
        </h3>
        <button
          ref={openRef}
          type="button"
          disabled={!contact.pageUrl}
          onClick={() => onOpen(contact)}
          aria-label={`Open ${contact.name} in CRM`}
        >
          Open in CRM
        </button>
      </div>
      {org ? (
        <p className="meta">
          <bdi>{org}</bdi>
        </p>
      ) : null}
      {contact.email ? (
        <p className="meta" data-testid="contact-email">
          <bdi>{contact.email}</bdi>
        </p>
      ) : null}
      {contact.chosenBefore ? (
        <p className="meta" data-testid="chosen-before">
          <strong>✓ Chosen before</strong> as this number&apos;s caller
        </p>
      ) : null}
      {/* The row's actions share the last line, so a row is no taller for them. */}
      <div className="card-foot">
        {more ? (
          <p className="meta">
            {more}
            {owner ? <bdi data-testid="contact-owner">{owner}</bdi> : null}
          </p>
        ) : null}
        {children}
      </div>
    </article>
  );
});
