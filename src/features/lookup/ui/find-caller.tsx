/** Finding a caller the number does not find (by name; the number is added), or one of several. */
import { useState, type ReactNode } from 'react';
import type { ContactView, Reply } from '@/platform/messages';
import { send } from '@/platform/ui/messaging';
import { ErrorText } from '@/platform/ui/form-fields';
import { ContactCard } from './contact-card';

/** One request at a time: what runs, and the last failure in the worker's words. */
function useAsk() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function ask<T>(what: string, reply: () => Promise<Reply<T>>, then: (value: T) => void) {
    setBusy(what);
    setError(null);
    const answer = await reply();
    setBusy(null);
    if (answer.ok) then(answer.value);
    else setError(answer.error.message);
  }
  return { busy, error, ask };
}

const keyOf = (contact: ContactView) => `${contact.type ?? ''}:${String(contact.id)}`;

/** `callSessionId`: the call whose window shows the change (the worker keeps it in the call). */
type ForNumber = { phoneNumber: string; callSessionId?: string | undefined };

export function SearchCrm(props: {
  number: ForNumber;
  displayNumber: string;
  onAdded: (contact: ContactView) => void;
  onOpen: (contact: ContactView) => void;
}) {
  const [name, setName] = useState('');
  const [found, setFound] = useState<{ name: string; contacts: ContactView[] } | null>(null);
  const { busy, error, ask } = useAsk();
  const search = () =>
    void ask(
      'search',
      () => send('contact.searchName', { name }),
      (v) => setFound({ name, contacts: v.contacts }),
    );
  const add = (contact: ContactView) =>
    void ask(
      keyOf(contact),
      () => send('contact.addNumber', { ...props.number, contact }),
      (v) => props.onAdded(v.contact),
    );
  return (
    // Not a <form>: it may sit inside the log form.
    <section className="stack" role="search" aria-label="Search the CRM by name">
      <label>
        Name or email in the CRM
        <span className="row">
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (busy === null) search();
            }}
          />
          <button type="button" onClick={search} disabled={busy !== null}>
            {busy === 'search' ? 'Searching…' : 'Search the CRM'}
          </button>
        </span>
      </label>
      <ErrorText text={error} testId="search-error" />
      {found ? (
        <FoundByName
          {...found}
          onOpen={props.onOpen}
          action={(contact) => (
            <button
              type="button"
              className="primary"
              disabled={busy !== null}
              onClick={() => add(contact)}
            >
              Add {props.displayNumber} to <bdi>{contact.name}</bdi>
            </button>
          )}
        />
      ) : null}
    </section>
  );
}

/** Contacts a name search found, each with what it offers. */
export function FoundByName(props: {
  name: string;
  contacts: ContactView[];
  onOpen: (contact: ContactView) => void;
  action?: (contact: ContactView) => ReactNode;
}) {
  const { contacts } = props;
  return (
    <section className="stack" aria-label="Found by name">
      <p role="status" className="muted" data-testid="found-by-name">
        {contacts.length === 0 ? 'No contact matches' : `${contacts.length} found for`} “
        <bdi>{props.name}</bdi>”.
      </p>
      <ul className="matches">
        {contacts.map((contact) => (
          <li key={keyOf(contact)}>
            <ContactCard contact={contact} types={[]} onOpen={props.onOpen}>
              {props.action?.(contact)}
            </ContactCard>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "This is the caller", or forgetting that choice, for one of the number's several contacts. */
export function PickButton(props: {
  number: ForNumber;
  contact: ContactView;
  /** Not needed in a call's window: the worker keeps the pick in the call. */
  onPicked?: (contact: ContactView) => void;
}) {
  const { contact } = props;
  const chosen = contact.chosenBefore === true;
  const { busy, error, ask } = useAsk();
  const pick = () =>
    void ask(
      'pick',
      () => send('contact.pick', { ...props.number, contact, chosen: !chosen }),
      (v) => props.onPicked?.(v.contact),
    );
  return (
    <>
      <button type="button" onClick={pick} disabled={busy !== null}>
        {chosen ? 'Forget choice' : 'This is the caller'}
      </button>
      <ErrorText text={error} />
    </>
  );
}
