/**
 * "Create new contact...": a required name and, when the CRM has several, a contact type. One
 * requestId per form, so pressing Save twice (or retrying after an error) creates one contact.
 * A failure keeps everything typed and says why.
 */
import { useState, type FormEvent } from 'react';
import type { ContactType } from '@/features/lookup/model/contact';
import type { CreateContactReply } from '@/platform/messages';
import { send } from '@/platform/ui/messaging';
import { ContactTypePicker } from './contact-type-picker';
import { defaultType, type ContactDraft } from '../model/log-draft';
import type { Toasts } from '@/platform/ui/toast';
import { useDraftState } from '@/platform/ui/use-draft-state';

export interface CreateContactFormProps {
  phoneNumber: string;
  contactTypes: ContactType[];
  toasts: Toasts;
  onCreated: (reply: CreateContactReply) => void;
  onCancel?: () => void;
  /** The call whose window this is: the worker keeps the created contact in the call's record. */
  callSessionId?: string;
  /** What was typed in this form before (a draft kept by the page), to start from. */
  draft?: ContactDraft;
  /** Hears every change to what is typed, for a page that keeps a draft. */
  onDraftChange?: (draft: ContactDraft) => void;
}

export function CreateContactForm(props: CreateContactFormProps) {
  const [draft, update] = useDraftState<ContactDraft>(
    () =>
      props.draft ?? {
        requestId: crypto.randomUUID(),
        name: '',
        type: defaultType(props.contactTypes),
      },
    props.onDraftChange,
  );
  const { requestId, name, type } = draft;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The last Save may still land in the CRM: the next one first checks (up to ~10 s).
  const [retryChecks, setRetryChecks] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (name.trim() === '') {
      setError('Enter a name for the new contact.');
      return;
    }
    setSaving(true);
    setError(null);
    const reply = await send('contact.create', {
      phoneNumber: props.phoneNumber,
      newContactName: name.trim(),
      newContactType: type,
      requestId,
      ...(props.callSessionId ? { callSessionId: props.callSessionId } : {}),
    });
    setSaving(false);
    setRetryChecks(!reply.ok && reply.error.outcomeUnclear === true);
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    props.toasts.show(reply.value.returnMessage);
    props.onCreated(reply.value);
  }

  return (
    <form
      className="form"
      aria-label="Create new contact"
      onSubmit={(e) => void save(e)}
      noValidate
    >
      <label>
        New contact name
        <input
          // Focus lands here when the form opens: it is the one thing to type.
          autoFocus
          value={name}
          required
          aria-required="true"
          aria-invalid={error !== null && name.trim() === ''}
          placeholder="Enter name..."
          // Fixed while saving, so the name saved is the name shown (read-only: still read out).
          readOnly={saving}
          onChange={(e) => update({ name: e.target.value })}
        />
      </label>
      <ContactTypePicker
        types={props.contactTypes}
        value={type}
        onChange={(value) => update({ type: value })}
        disabled={saving}
      />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
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
      {saving && retryChecks ? (
        <p className="muted" role="status" data-testid="save-checking">
          Checking whether the earlier attempt was saved, so it is not saved twice…
        </p>
      ) : null}
    </form>
  );
}
