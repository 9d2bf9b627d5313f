/** One requestId per form and Save disabled while saving: a double Save makes one contact
 * and log. A clear failure keeps typing; an unclear one freezes what was sent (docs/saves.md). */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ContactType, ReturnMessage } from '@/features/lookup/model/contact';
import type { CallDirection, CallLogReply, CallLogRequest, ContactView } from '@/platform/messages';
import { contactOption } from '@/features/lookup/model/contact-option';
import { ContactTypePicker } from './contact-type-picker';
import { HandCallFields, LENGTH_ID } from './hand-call-fields';
import { additionalSubmission, LinkToSelect, useLogFields } from './log-fields';
import { useDraftState } from '@/platform/ui/use-draft-state';
import { NEW, freshDraft, shownChoice, subjectFor, type LogDraft } from '../model/log-draft';
import { checkLogDraft, logRequestOf } from './log-request';
import { UnclearSaveView, useSave } from './unclear-save';
import type { Toasts } from '@/platform/ui/toast';
import { ErrorText } from '@/platform/ui/form-fields';
import { NewNameField } from './new-name-field';
import { SearchCrm } from '@/features/lookup/ui';
import { openCrmPage } from '@/platform/ui/open-page';

export interface CallFacts {
  direction: CallDirection;
  startTime: number;
  durationSeconds: number;
  result: CallLogRequest['result'];
  /** The call's session: the worker keeps the saved log in the call's record. */
  sessionId?: string;
  /** Our own number on the call, when the softphone sent it. */
  ownNumber?: string;
}

export interface LogFormProps {
  phoneNumber: string;
  displayNumber: string;
  contacts: ContactView[];
  canCreate: boolean;
  contactTypes: ContactType[];
  /** From the call; null when logging from the popup, which then asks for the direction. */
  call: CallFacts | null;
  /** Asked at Save: a call still going has lasted longer than when the form was drawn. */
  callNow?: () => CallFacts;
  toasts: Toasts;
  onLogged: (reply: CallLogReply) => void;
  onCancel: () => void;
  /** A failed lookup: a new contact could duplicate one the CRM has, so the form waits for one. */
  problem?: ReturnMessage | null;
  /** A page that keeps drafts: the draft to start from, and every change to it. */
  draft?: LogDraft;
  onDraftChange?: (draft: LogDraft) => void;
  /** The number was added to a contact found by name (a call's window gets it from the call). */
  onFound?: (contact: ContactView) => void;
}

/** The contact the form logs against, its fields, and the subject that follows its name. */
function useChoice(props: LogFormProps, draft: LogDraft) {
  const offerNew = props.canCreate || props.contacts.length === 0;
  const choice = shownChoice(draft.choice, props.contacts, offerNew);
  const chosen = choice === NEW ? null : (props.contacts[Number(choice)] ?? null);
  const fields = useLogFields(props.phoneNumber, chosen?.id ?? null);
  const who = chosen?.name ?? (draft.newName.trim() || props.displayNumber);
  // The subject follows the chosen name until the person edits it.
  const subject = draft.subjectEdited ?? subjectFor(draft.direction, who);
  return { offerNew, choice, chosen, fields, who, subject };
}

/** No match: the person may be in the CRM under another number; found by name, it is added. */
function FindByName(props: LogFormProps & { onChosen: () => void }) {
  if (props.contacts.length > 0) return null;
  return (
    <SearchCrm
      number={{ phoneNumber: props.phoneNumber, callSessionId: props.call?.sessionId }}
      displayNumber={props.displayNumber}
      onOpen={(contact) => void openCrmPage(contact.pageUrl, props.toasts)}
      onAdded={(contact) => {
        props.onFound?.(contact);
        props.onChosen();
      }}
    />
  );
}

export function LogForm(props: LogFormProps) {
  const [draft, update] = useDraftState(
    () => props.draft ?? freshDraft(props),
    props.onDraftChange,
  );
  const { openedAt, newName, newType, direction, note, fieldValues } = draft;
  const { offerNew, choice, chosen, fields, who, subject } = useChoice(props, draft);
  const { saving, error, failures, submit } = useSave(
    'callLog.create',
    (unclear) => update({ unclear }),
    // The page then shows the log; earlier notes (a "not found") no longer hold.
    (reply) => {
      props.toasts.items.forEach((item) => props.toasts.dismiss(item.id));
      if (reply.returnMessage?.messageType !== 'success') props.toasts.show(reply.returnMessage);
      props.onLogged(reply);
    },
    (message) => `The call was not logged: ${message} Everything you typed is still here.`,
  );
  const [{ nameError, lengthError }, setErrors] = useState<ReturnType<typeof checkLogDraft>>({
    seconds: 0,
  });
  const nameId = useId();
  const contactSelect = useRef<HTMLSelectElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  // The clicked Log call button is gone, so focus starts in the form (a restored draft takes it
  // from the page); after a failed Save, back on Save (it was disabled).
  const formRef = useRef<HTMLFormElement>(null);
  const restored = useRef(props.draft !== undefined);
  useEffect(() => {
    const active = document.activeElement;
    if (active && formRef.current?.contains(active)) return;
    if (restored.current || !active || active === document.body) contactSelect.current?.focus();
  }, []);
  useEffect(() => {
    if (failures > 0) saveButton.current?.focus();
  }, [failures]);
  const handResult = draft.result ?? 'connected';

  function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const check = checkLogDraft(draft, chosen, props.call === null);
    setErrors(check);
    const wrong = check.nameError ? nameId : check.lengthError ? LENGTH_ID : null;
    if (wrong) return document.getElementById(wrong)?.focus();
    const byHand = { direction, startTime: openedAt, durationSeconds: check.seconds };
    const call = props.callNow?.() ?? props.call ?? { ...byHand, result: handResult };
    const extra = additionalSubmission(fields, fieldValues);
    void submit(
      logRequestOf({ phoneNumber: props.phoneNumber, draft, chosen, call, subject, who, extra }),
    );
  }

  if (draft.unclear) {
    const sent = draft.unclear.request;
    return (
      <UnclearSaveView
        title={`Log call with ${props.displayNumber}`}
        message={draft.unclear.message}
        sent={[
          ['Contact', sent.contact.name],
          ['Subject', sent.subject],
          ['Note', sent.note],
        ]}
        retrying={saving}
        onRetry={() => void submit({ ...sent, retry: true })}
        onDiscard={() => {
          update({ unclear: undefined });
          props.onCancel();
        }}
      />
    );
  }

  if (props.problem && props.contacts.length === 0) {
    return (
      <section className="form" aria-label="Log call" data-testid="log-form">
        <h2>Log call with {props.displayNumber}</h2>
        <p className="error" role="alert" data-testid="log-blocked">
          CallPop could not look this number up ({props.problem.message.replace(/\.$/, '')}), so it
          cannot tell whether the contact is already in the CRM. Go back, look it up again with
          Refresh, then log the call.
        </p>
        <div className="actions">
          <button type="button" onClick={props.onCancel}>
            Back
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      ref={formRef}
      className="form"
      aria-label="Log call"
      onSubmit={save}
      noValidate
      data-testid="log-form"
    >
      <h2>Log call with {props.displayNumber}</h2>
      {props.call ? (
        <p className="muted" data-testid="call-result">
          {props.call.result === 'missed'
            ? 'Logged as missed: the call has not been answered.'
            : 'Logged as answered, its length counted up to your Save or the hang-up.'}
        </p>
      ) : null}
      <label>
        Contact
        <select
          ref={contactSelect}
          value={choice}
          disabled={saving}
          onChange={(e) => update({ choice: e.target.value })}
        >
          {props.contacts.map((contact, index) => (
            // Keyed by type too: a CRM's contacts and leads may share ids.
            <option key={`${contact.type ?? ''}:${String(contact.id)}`} value={String(index)}>
              {contactOption(contact, props.contactTypes)}
            </option>
          ))}
          {offerNew ? <option value={NEW}>Create new contact...</option> : null}
        </select>
      </label>
      <FindByName {...props} onChosen={() => update({ choice: '0' })} />
      {chosen ? null : (
        <>
          <NewNameField
            id={nameId}
            value={newName}
            error={nameError ?? null}
            saving={saving}
            onChange={(value) => update({ newName: value })}
          />
          <ContactTypePicker
            types={props.contactTypes}
            value={newType}
            onChange={(value) => update({ newType: value })}
            disabled={saving}
          />
        </>
      )}
      {props.call ? null : (
        <HandCallFields
          call={{ direction, result: handResult, minutes: draft.minutes ?? '' }}
          disabled={saving}
          lengthError={lengthError ?? null}
          onChange={(change) => {
            if ('minutes' in change) setErrors({ seconds: 0, nameError });
            update(change);
          }}
        />
      )}
      <label>
        Subject
        <input
          value={subject}
          disabled={saving}
          onChange={(e) => update({ subjectEdited: e.target.value })}
        />
      </label>
      <label>
        Note
        <textarea
          value={note}
          disabled={saving}
          onChange={(e) => update({ note: e.target.value })}
        />
      </label>
      {chosen ? (
        <LinkToSelect
          fields={fields}
          values={fieldValues}
          disabled={saving}
          onChange={(values) => update({ fieldValues: values })}
        />
      ) : null}
      <ErrorText text={error} />
      <div className="actions">
        <button type="button" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button
          ref={saveButton}
          type="submit"
          className="primary"
          disabled={saving}
          aria-busy={saving}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
