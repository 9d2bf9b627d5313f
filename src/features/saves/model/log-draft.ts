/** The log form's draft, kept by pages that keep drafts, and the rules derived from it. */
import type { ContactType } from '@/features/lookup/model/contact';
import type {
  CallDirection,
  CallLogRequest,
  CallResult,
  ContactView,
  CreateContactRequest,
} from '@/platform/messages';

/** A Save with an unclear outcome: exactly what was sent, read-only until retried or discarded,
 * and why (the worker's words). */
type UnclearSave<R> = { request: R; message: string };

/** Keeps requestId and opening time, so saving a restored draft is recognised as the same Save. */
export interface LogDraft {
  requestId: string;
  /** When a call logged by hand started (the form opened): kept through every Save. */
  openedAt: number;
  /** A contact's index in `contacts`, or NEW. */
  choice: string;
  newName: string;
  newType: string;
  direction: CallDirection;
  /** A call logged by hand: how it went and its minutes (absent in older drafts). */
  result?: CallResult;
  minutes?: string;
  /** The subject as edited; null while it follows the chosen name. */
  subjectEdited: string | null;
  note: string;
  fieldValues: Record<string, string>;
  unclear?: UnclearSave<CallLogRequest>;
}

/** Whether losing the draft would lose something the person typed or chose. */
export function logDraftHasContent(draft: LogDraft): boolean {
  return (
    draft.unclear !== undefined ||
    draft.newName.trim() !== '' ||
    draft.note.trim() !== '' ||
    (draft.subjectEdited ?? '').trim() !== '' ||
    (draft.minutes ?? '').trim() !== '' ||
    (draft.result ?? 'connected') !== 'connected' ||
    Object.values(draft.fieldValues).some((value) => value !== '')
  );
}

/** The choice "Create new contact...". */
export const NEW = 'new';

export function subjectFor(direction: CallDirection, who: string): string {
  return direction === 'Inbound' ? `Inbound call from ${who}` : `Outbound call to ${who}`;
}

export function freshDraft(props: {
  contacts: readonly ContactView[];
  contactTypes: readonly ContactType[];
  call: { direction: CallDirection } | null;
}): LogDraft {
  return {
    requestId: crypto.randomUUID(),
    openedAt: Date.now(),
    choice: props.contacts.length > 0 ? '0' : NEW,
    newName: '',
    newType: props.contactTypes[0]?.value ?? '',
    direction: props.call?.direction ?? 'Inbound',
    subjectEdited: null,
    note: '',
    fieldValues: {},
  };
}

/** The draft's choice, or the first contact when it no longer names one in the list. */
export function shownChoice(
  choice: string,
  contacts: readonly ContactView[],
  offerNew: boolean,
): string {
  if (choice === NEW) return offerNew ? NEW : '0';
  return contacts[Number(choice)] ? choice : contacts.length > 0 ? '0' : NEW;
}

/** Which contact a choice names, across lookups (a list's indexes change with a Refresh). */
export function choiceKey(choice: string, contacts: readonly ContactView[]): string | null {
  const contact = choice === NEW ? undefined : contacts[Number(choice)];
  return contact ? `${contact.type ?? ''}:${String(contact.id)}` : null;
}

/** The choice follows its contact (`chosen`), else the first one, not whoever took its index. */
export function draftForContacts(
  draft: LogDraft,
  chosen: string | null,
  contacts: readonly ContactView[],
  /** Whether the list the draft was typed against had contacts (NEW was then a choice). */
  hadContacts = false,
): LogDraft {
  if (draft.choice === NEW) {
    // "Create new contact..." only for lack of matches and no name typed: a new one would likely
    // duplicate the matches the CRM now has. Picked over matches on purpose, it stays.
    const flip = !hadContacts && draft.newName.trim() === '' && contacts.length > 0;
    return flip ? { ...draft, choice: '0' } : draft;
  }
  const index = contacts.findIndex((_, i) => choiceKey(String(i), contacts) === chosen);
  return { ...draft, choice: index >= 0 ? String(index) : contacts.length > 0 ? '0' : NEW };
}

/** What is typed, with the Save's request id: a draft saved again creates the contact once. */
export interface ContactDraft {
  requestId: string;
  name: string;
  type: string;
  unclear?: UnclearSave<CreateContactRequest>;
}
