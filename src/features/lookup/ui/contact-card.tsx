/** One matched contact: name, type, company or title, created date, and its CRM page. */
import { forwardRef } from 'react';
import { formatDay, parseCreatedDate } from '../model/created-date';
import type { ContactView } from '@/platform/messages';

function createdText(value: ContactView['createdDate']): string | null {
  const ms = parseCreatedDate(value);
  return ms === null ? null : formatDay(ms);
}

interface ContactCardProps {
  contact: ContactView;
  onOpen: (contact: ContactView) => void;
  /** Shown as "1 of 3" when several contacts match. */
  position?: string;
}

export const ContactCard = forwardRef<HTMLButtonElement, ContactCardProps>(function ContactCard(
  { contact, onOpen, position },
  openRef,
) {
  const created = createdText(contact.createdDate);
  const org = [contact.title, contact.company].filter(Boolean).join(', ');
  return (
    <article className="card" data-testid="contact-card" aria-label={contact.name}>
      <h3>
        {contact.name}
        {position ? <span className="muted"> ({position})</span> : null}
      </h3>
      {contact.type ? <p className="meta">Type: {contact.type}</p> : null}
      {org ? <p className="meta">{org}</p> : null}
      {created ? <p className="meta">Created {created}</p> : null}
      <div className="row">
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
    </article>
  );
});
