/**
 * Log a call: pick a matched contact or "Create new contact..." (name required, type when the
 * CRM has several), a subject, a note and contact-dependent fields. One requestId per form and a
 * disabled Save while saving, so a double Save creates one contact and one log. A failure keeps
 * everything typed and says why.
 */
import { useState, type FormEvent } from 'react';
import type { ContactType, ReturnMessage } from '../contact';
import type { CallDirection, CallLogReply, CallLogRequest, ContactView } from '../messages';
import { send } from '../messaging';
import { ContactTypePicker, defaultType } from './contact-type-picker';
import { additionalSubmission, LogFieldSelects, useLogFields } from './log-fields';
import type { Toasts } from './toast';

export interface CallFacts {
  direction: CallDirection;
  startTime: number;
  durationSeconds: number;
  result: CallLogRequest['result'];
}

export interface LogFormProps {
  phoneNumber: string;
  displayNumber: string;
  contacts: ContactView[];
  canCreate: boolean;
  contactTypes: ContactType[];
  /** From the call; null when logging from the popup, which then asks for the direction. */
  call: CallFacts | null;
  toasts: Toasts;
  onLogged: (reply: CallLogReply) => void;
  onCancel: () => void;
  /**
   * Why the lookup has no answer (lookupProblem), if it failed: nobody is known then, and a new
   * contact could duplicate one the CRM has, so the form waits for a lookup that works.
   */
  problem?: ReturnMessage | null;
}

const NEW = 'new';

function subjectFor(direction: CallDirection, who: string): string {
  return direction === 'Inbound' ? `Inbound call from ${who}` : `Outbound call to ${who}`;
}

export function LogForm(props: LogFormProps) {
  const [requestId] = useState(() => crypto.randomUUID());
  // A call logged by hand starts when its form opens, and keeps that time through every Save:
  // a retry is recognised by it (engine/call-log.ts), and a new time would log the call twice.
  const [openedAt] = useState(() => Date.now());
  const offerNew = props.canCreate || props.contacts.length === 0;
  const [choice, setChoice] = useState(props.contacts.length > 0 ? '0' : NEW);
  const [newName, setNewName] = useState('');
  const [newType, setNewType] = useState(() => defaultType(props.contactTypes));
  const [direction, setDirection] = useState<CallDirection>(props.call?.direction ?? 'Inbound');
  const [subjectEdited, setSubjectEdited] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [fieldValues, setFieldValues] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const chosen = choice === NEW ? null : (props.contacts[Number(choice)] ?? null);
  const fields = useLogFields(props.phoneNumber, chosen?.id ?? null);
  const who = chosen?.name ?? (newName.trim() || props.displayNumber);
  // The subject follows the chosen name until the person edits it.
  const subject = subjectEdited ?? subjectFor(direction, who);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (!chosen && newName.trim() === '') {
      setError('Enter a name for the new contact.');
      return;
    }
    setSaving(true);
    setError(null);
    const call = props.call ?? {
      direction,
      startTime: openedAt,
      durationSeconds: 0,
      result: 'connected',
    };
    const reply = await send('callLog.create', {
      requestId,
      phoneNumber: props.phoneNumber,
      contact: chosen
        ? {
            kind: 'existing',
            id: chosen.id,
            name: chosen.name,
            ...(chosen.type ? { type: chosen.type } : {}),
          }
        : { kind: 'new', name: newName.trim(), type: newType },
      direction: call.direction,
      startTime: call.startTime,
      durationSeconds: call.durationSeconds,
      result: call.result,
      subject: subject.trim() || subjectFor(direction, who),
      note,
      additionalSubmission: chosen ? additionalSubmission(fields, fieldValues) : {},
    });
    setSaving(false);
    if (!reply.ok) {
      setError(
        `The call was not logged: ${reply.error.message} Everything you typed is still here.`,
      );
      return;
    }
    props.toasts.show(
      reply.value.returnMessage ?? { message: 'Call logged.', messageType: 'success', ttl: 4000 },
    );
    props.onLogged(reply.value);
  }

  if (props.problem && props.contacts.length === 0) {
    return (
      <section className="form" aria-label="Log call" data-testid="log-form">
        <h2>Log call with {props.displayNumber}</h2>
        <p className="error" role="alert" data-testid="log-blocked">
          CallPop could not look this number up ({props.problem.message.replace(/\.$/, '')}), so it
          cannot tell whether the contact is already in the CRM. Press Refresh, then log the call.
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
      className="form"
      aria-label="Log call"
      onSubmit={(e) => void save(e)}
      noValidate
      data-testid="log-form"
    >
      <h2>Log call with {props.displayNumber}</h2>
      <label>
        Contact
        <select value={choice} disabled={saving} onChange={(e) => setChoice(e.target.value)}>
          {props.contacts.map((contact, index) => (
            <option key={String(contact.id)} value={String(index)}>
              {contact.name}
              {contact.company ? ` (${contact.company})` : ''}
            </option>
          ))}
          {offerNew ? <option value={NEW}>Create new contact...</option> : null}
        </select>
      </label>
      {chosen ? null : (
        <>
          <label>
            New contact name
            <input
              autoFocus
              value={newName}
              required
              aria-required="true"
              placeholder="Enter name..."
              disabled={saving}
              onChange={(e) => setNewName(e.target.value)}
            />
          </label>
          <ContactTypePicker
            types={props.contactTypes}
            value={newType}
            onChange={setNewType}
            disabled={saving}
          />
        </>
      )}
      {props.call ? null : (
        <label>
          Direction
          <select
            value={direction}
            disabled={saving}
            onChange={(e) => setDirection(e.target.value as CallDirection)}
          >
            <option value="Inbound">Inbound</option>
            <option value="Outbound">Outbound</option>
          </select>
        </label>
      )}
      <label>
        Subject
        <input
          value={subject}
          disabled={saving}
          onChange={(e) => setSubjectEdited(e.target.value)}
        />
      </label>
      <label>
        Note
        <textarea value={note} disabled={saving} onChange={(e) => setNote(e.target.value)} />
      </label>
      {chosen ? (
        <LogFieldSelects
          fields={fields}
          values={fieldValues}
          disabled={saving}
          onChange={(key, value) => setFieldValues((current) => ({ ...current, [key]: value }))}
        />
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving} aria-busy={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
