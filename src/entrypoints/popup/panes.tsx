/** What the popup shows under its title: the number field, then a number's results or forms. */
import { useState, type FormEvent } from 'react';
import type { CallLogReply, ContactView, LookupResult } from '@/platform/messages';
import { CreateContactForm } from '@/features/saves/ui/create-contact-form';
import { LogForm } from '@/features/saves/ui/log-form';
import { lookupProblem } from '@/features/lookup/model/lookup-problem';
import { withContact } from '@/features/lookup/model/lookup-result';
import { LookupResults } from '@/features/lookup/ui/lookup-results';
import { PickButton } from '@/features/lookup/ui/find-caller';
import type { Toasts } from '@/platform/ui/toast';
import type { PopupDraft } from '@/platform/storage/keys';
import { clearDraft } from './draft';
import { focusOnMount } from '@/platform/ui/focus-on-mount';
import { ErrorText } from '@/platform/ui/form-fields';

export type View = 'results' | 'create' | 'log';
export type Busy = { kind: 'lookup' | 'refresh'; phoneNumber: string };

export function NumberForm(props: {
  number: string;
  busy: Busy | null;
  numberError: string | null;
  onSubmit: (event: FormEvent) => void;
  onChange: (value: string) => void;
}) {
  const { busy, numberError } = props;
  return (
    <form
      className="form lookup"
      onSubmit={props.onSubmit}
      role="search"
      aria-label="Look up a number or a name"
    >
      <label>
        Phone number or name
        <span className="row">
          <input
            type="search"
            // Typing goes here at once; a form brought back from a draft takes the focus itself.
            ref={focusOnMount}
            value={props.number}
            autoComplete="off"
            placeholder="+1 415 555 0102 or Sam Lee"
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? 'number-error' : undefined}
            onChange={(e) => props.onChange(e.target.value)}
          />
          {/* Never disabled: a number typed while a lookup runs is looked up at once. */}
          <button type="submit" className="primary" aria-busy={busy?.kind === 'lookup'}>
            Look up
          </button>
        </span>
      </label>
      {/* Always there, so screen readers announce the text when it changes. */}
      <p role="status" className="muted lookup-status" data-testid="lookup-status">
        {busy?.kind === 'lookup' ? `Looking up ${busy.phoneNumber}…` : ''}
      </p>
      <ErrorText text={numberError} id="number-error" testId="number-error" />
    </form>
  );
}

export function ResultsPane(props: {
  result: LookupResult;
  busy: Busy | null;
  onRefresh: () => void;
  onOpen: (contact: ContactView) => void;
  onView: (view: View) => void;
  /** A contact picked as the number's caller, or that pick forgotten. */
  onPicked: (contact: ContactView) => void;
  /** False while the CRM rejects the saved credentials: a save could only fail. */
  canSave: boolean;
}) {
  const { result, busy } = props;
  const refreshing = busy?.kind === 'refresh';
  return (
    <>
      <div className="row">
        <strong data-testid="display-number">{result.displayNumber}</strong>
        <button
          type="button"
          onClick={props.onRefresh}
          disabled={busy !== null}
          aria-busy={refreshing}
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <LookupResults
        result={result}
        onOpen={props.onOpen}
        action={(contact) => (
          <PickButton
            number={{ phoneNumber: result.phoneNumber }}
            contact={contact}
            onPicked={props.onPicked}
          />
        )}
      />
      {props.canSave ? (
        <div className="row">
          {result.canCreate ? (
            <button type="button" onClick={() => props.onView('create')} disabled={busy !== null}>
              Create new contact...
            </button>
          ) : null}
          <button type="button" onClick={() => props.onView('log')} disabled={busy !== null}>
            Log call
          </button>
        </div>
      ) : null}
    </>
  );
}

export type FormDraft =
  | Pick<Extract<PopupDraft, { view: 'create' }>, 'view' | 'create'>
  | Pick<Extract<PopupDraft, { view: 'log' }>, 'view' | 'log'>;

/** The open Create or Log form, brought back from `restored` when that draft is for it. */
export function FormPane(props: {
  view: 'create' | 'log';
  result: LookupResult;
  restored: PopupDraft | null;
  toasts: Toasts;
  onKeep: (draft: FormDraft) => void;
  onCancel: () => void;
  onSaved: (contact: ContactView) => void;
}) {
  const { result, restored, toasts } = props;
  if (props.view === 'create') {
    const draft = restored?.view === 'create' ? restored.create : undefined;
    return (
      <CreateContactForm
        key={draft?.requestId ?? 'new'}
        phoneNumber={result.phoneNumber}
        contactTypes={result.contactTypes}
        {...(draft ? { draft } : {})}
        onDraftChange={(create) => props.onKeep({ view: 'create', create })}
        toasts={toasts}
        onCancel={props.onCancel}
        onCreated={(reply) => props.onSaved(reply.contact)}
      />
    );
  }
  return <LogPane {...props} />;
}

function LogPane(props: Parameters<typeof FormPane>[0]) {
  const [logged, setLogged] = useState<CallLogReply | null>(null);
  // A contact created by a log is offered to the next one, not created again.
  const [result, setResult] = useState(props.result);
  // Each log's form is new (a new Save); only the first starts from a kept draft.
  const [round, setRound] = useState(0);
  // Logged: said plainly, with Done as the next step and "Log another" a choice.
  if (logged) {
    return (
      <section className="stack" aria-label="Call logged">
        <p role="status" className="done" data-testid="call-logged">
          ✓ Call logged against <bdi>{logged.contact.name}</bdi>.
        </p>
        <div className="row">
          <button
            type="button"
            className="primary"
            ref={focusOnMount}
            onClick={() => props.onSaved(logged.contact)}
          >
            Done
          </button>
          <button type="button" onClick={() => setLogged(null)}>
            Log another
          </button>
        </div>
      </section>
    );
  }
  const draft = props.restored?.view === 'log' && round === 0 ? props.restored.log : undefined;
  return (
    <LogForm
      key={draft?.requestId ?? `new-${round}`}
      {...(draft ? { draft } : {})}
      onDraftChange={(log) => props.onKeep({ view: 'log', log })}
      phoneNumber={result.phoneNumber}
      displayNumber={result.displayNumber}
      contacts={result.contacts}
      canCreate={result.canCreate}
      contactTypes={result.contactTypes}
      call={null}
      problem={lookupProblem(result)}
      toasts={props.toasts}
      onCancel={props.onCancel}
      onFound={(contact) => setResult(withContact(result, contact))}
      onLogged={(reply) => {
        void clearDraft();
        setLogged(reply);
        setRound((n) => n + 1);
        setResult(withContact(result, reply.contact));
      }}
    />
  );
}
