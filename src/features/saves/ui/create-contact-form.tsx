/** One requestId per form, so a double Save or a retry creates one contact. A clear failure keeps
 * the typing; an unclear one freezes what was sent. */
import { useId, useState, type FormEvent } from 'react';
import type { ContactType } from '@/features/lookup/model/contact';
import type { CreateContactReply } from '@/platform/messages';
import { ContactTypePicker } from './contact-type-picker';
import type { ContactDraft } from '../model/log-draft';
import type { Toasts } from '@/platform/ui/toast';
import { useDraftState } from '@/platform/ui/use-draft-state';
import { UnclearSaveView, useSave } from './unclear-save';
import { ErrorText } from '@/platform/ui/form-fields';
import { NAME_MISSING, NewNameField } from './new-name-field';

export interface CreateContactFormProps {
  phoneNumber: string;
  /** The name to start from, such as the carrier's caller id. */
  name?: string;
  contactTypes: ContactType[];
  toasts: Toasts;
  onCreated: (reply: CreateContactReply) => void;
  onCancel?: () => void;
  /** The call whose window this is: the worker keeps the created contact in the call's record. */
  callSessionId?: string;
  /** A page that keeps drafts: the draft to start from, and every change to it. */
  draft?: ContactDraft;
  onDraftChange?: (draft: ContactDraft) => void;
}

export function CreateContactForm(props: CreateContactFormProps) {
  const [draft, update] = useDraftState<ContactDraft>(
    () =>
      props.draft ?? {
        requestId: crypto.randomUUID(),
        name: props.name ?? '',
        type: props.contactTypes[0]?.value ?? '',
      },
    props.onDraftChange,
  );
  const { requestId, name, type } = draft;
  const nameId = useId();
  const [nameError, setNameError] = useState<string | null>(null);
  const { saving, error, submit } = useSave(
    'contact.create',
    (unclear) => update({ unclear }),
    (reply) => {
      props.toasts.show(reply.returnMessage);
      props.onCreated(reply);
    },
  );

  function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setNameError(name.trim() === '' ? NAME_MISSING : null);
    if (name.trim() === '') return document.getElementById(nameId)?.focus();
    void submit({
      phoneNumber: props.phoneNumber,
      newContactName: name.trim(),
      newContactType: type,
      requestId,
      ...(props.callSessionId ? { callSessionId: props.callSessionId } : {}),
    });
  }

  if (draft.unclear) {
    const sent = draft.unclear.request;
    return (
      <UnclearSaveView
        title="Create new contact"
        message={draft.unclear.message}
        sent={[
          ['Name', sent.newContactName],
          ...(props.contactTypes.length > 1
            ? [['Type', sent.newContactType] as [string, string]]
            : []),
        ]}
        retrying={saving}
        onRetry={() => void submit({ ...sent, retry: true })}
        onDiscard={() => {
          update({ unclear: undefined });
          props.onCancel?.();
        }}
      />
    );
  }

  return (
    <form className="form" aria-label="Create new contact" onSubmit={save} noValidate>
      <NewNameField
        id={nameId}
        value={name}
        error={nameError}
        saving={saving}
        onChange={(value) => update({ name: value })}
      />
      <ContactTypePicker
        types={props.contactTypes}
        value={type}
        onChange={(value) => update({ type: value })}
        disabled={saving}
      />
      <ErrorText text={error} />
      <div className="actions">
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel} disabled={saving}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={saving} aria-busy={saving}>
          {saving ? 'Saving…' : 'Save contact'}
        </button>
      </div>
    </form>
  );
}
