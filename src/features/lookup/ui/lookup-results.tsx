/** A lookup's matches as cards, with where they came from and why they are in this order. */
import type { ReactNode, RefObject } from 'react';
import type { ContactView, LookupResult } from '@/platform/messages';
import { ContactCard } from './contact-card';
import { lookupProblem } from '../model/lookup-problem';
import { messageText } from '@/platform/ui/toast';

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** "Looked up just now", "Saved 3 min ago", flagged when stale: where the contacts came from. */
export function sourceLabel(result: LookupResult, now = Date.now()): string {
  if (result.source === 'none' || result.fetchedAt === null) return 'Not looked up';
  const age = ago(Math.max(0, now - result.fetchedAt));
  if (result.source === 'crm') return `Looked up ${age}`;
  const label = `Saved ${age}`;
  // Stale: the CRM was asked and gave no answer to show (down, or refusing: the note says which).
  return result.stale ? `${label} (could not refresh, may be out of date)` : label;
}

export function LookupResults(props: {
  result: LookupResult;
  onOpen: (contact: ContactView) => void;
  firstOpenRef?: RefObject<HTMLButtonElement | null>;
  /** What each row offers when there are several ("This is the caller"). */
  action?: (contact: ContactView) => ReactNode;
}) {
  const { result } = props;
  const several = result.contacts.length > 1;
  const problem = lookupProblem(result);
  if (problem) {
    const danger = problem.messageType === 'danger';
    return (
      <section className="stack" aria-label="Matching contacts">
        <p
          role={danger ? 'alert' : 'status'}
          className={danger ? 'error' : undefined}
          data-testid="lookup-problem"
        >
          {danger ? 'Could not look up this number: ' : ''}
          {messageText(problem)}
        </p>
      </section>
    );
  }
  return (
    <section className="stack" aria-label="Matching contacts">
      <p className="muted">
        {result.contacts.length === 0
          ? 'No contact matches this number. '
          : `${result.contacts.length} matching contact${several ? 's' : ''}. `}
        <span className={result.stale ? 'badge stale' : undefined} data-testid="lookup-source">
          {sourceLabel(result)}
        </span>
        .
      </p>
      {several && (result.provisional || result.resolution) ? (
        <p className="muted" data-testid="resolution">
          {result.provisional ? 'Ordering…' : `Order: ${result.resolution?.reason}`}
        </p>
      ) : null}
      {/* Why the order is not settled, why the list is saved rather than fresh, or that
          there are more than shown: whatever the lookup says next to its contacts. */}
      {result.contacts.length > 0 && result.returnMessage ? (
        <p className="muted" role="status" data-testid="lookup-note">
          {result.returnMessage.message}
        </p>
      ) : null}
      {/* A list, so "1 of 3" is said by the list itself, not written into each name. */}
      <ul className="matches">
        {result.contacts.map((contact, index) => (
          <li key={`${contact.type ?? ''}:${String(contact.id)}`}>
            <ContactCard
              ref={index === 0 ? props.firstOpenRef : undefined}
              contact={contact}
              types={result.contactTypes}
              onOpen={props.onOpen}
            >
              {several ? props.action?.(contact) : null}
            </ContactCard>
          </li>
        ))}
      </ul>
    </section>
  );
}
