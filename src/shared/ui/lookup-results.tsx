/** A lookup's matches as cards, with where they came from and why they are in this order. */
import type { RefObject } from 'react';
import type { ContactView, LookupResult } from '../messages';
import { ContactCard } from './contact-card';
import { sourceLabel } from './lookup-source';

export function LookupResults(props: {
  result: LookupResult;
  onOpen: (contact: ContactView) => void;
  firstOpenRef?: RefObject<HTMLButtonElement | null>;
}) {
  const { result } = props;
  const several = result.contacts.length > 1;
  return (
    <section className="stack" aria-label="Matching contacts">
      <p className="row muted">
        <span>
          {result.contacts.length === 0
            ? 'No contact matches this number.'
            : `${result.contacts.length} matching contact${several ? 's' : ''}`}
        </span>
        <span className={`badge${result.stale ? ' stale' : ''}`} data-testid="lookup-source">
          {sourceLabel(result)}
        </span>
      </p>
      {several && result.resolution ? (
        <p className="muted" data-testid="resolution">
          Order: {result.resolution.reason}
        </p>
      ) : null}
      {several && !result.resolution && result.returnMessage ? (
        <p className="muted" data-testid="resolution">
          {result.returnMessage.message}
        </p>
      ) : null}
      {result.contacts.map((contact, index) => (
        <ContactCard
          key={String(contact.id)}
          ref={index === 0 ? props.firstOpenRef : undefined}
          contact={contact}
          onOpen={props.onOpen}
          {...(several ? { position: `${index + 1} of ${result.contacts.length}` } : {})}
        />
      ))}
    </section>
  );
}
