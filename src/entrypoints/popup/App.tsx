// The toolbar popup: look up a number, Refresh, open a CRM page, create a contact, log a call.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ERROR_CODES,
  type ContactView,
  type LookupResult,
  type ReplyError,
} from '@/platform/messages';
import { FoundByName } from '@/features/lookup/ui/find-caller';
import { send } from '@/platform/ui/messaging';
import { lookupToast } from '@/features/lookup/model/lookup-problem';
import { withContact } from '@/features/lookup/model/lookup-result';
import { openCrmPage } from '@/platform/ui/open-page';
import { ToastList, useToasts } from '@/platform/ui/toast';
import { useAnswer } from '@/platform/ui/use-status';
import '@/platform/ui/ui.css';
import { ConnectionLine } from '@/features/connection/ui/ConnectionLine';
import type { PopupDraft } from '@/platform/storage/keys';
import { clearDraft, draftMessage, hasContent, loadDraft, saveDraft } from './draft';
import { useConnection } from '@/features/connection/ui/use-connection';
import { FormPane, NumberForm, ResultsPane, type Busy, type View } from './panes';
import { RecentCalls } from './recent-calls';
import './popup.css';
import { focusOnMount } from '@/platform/ui/focus-on-mount';
import { ErrorText } from '@/platform/ui/form-fields';

type Answer =
  | { error: ReplyError }
  | { result: LookupResult | null; found: { name: string; contacts: ContactView[] } | null };

/** The number's lookup or, for words (or an email) that are no number, a search by name. */
async function lookUpOrSearch(text: string, force: boolean): Promise<Answer> {
  const reply = await send('contact.lookup', { phoneNumber: text, force });
  if (reply.ok) return { result: reply.value, found: null };
  if (reply.error.code !== ERROR_CODES.badRequest || !/\p{L}|@/u.test(text)) {
    return { error: reply.error };
  }
  // Digits with a stray letter or two ("415-555-O100") are a mistyped number, not a name.
  const letters = text.match(/\p{L}/gu) ?? [];
  if ([1, 2].includes(letters.length) && text.replace(/\D/g, '').length >= 6) {
    const [which, where] = letters.length === 1 ? ['a letter', 'a digit'] : ['letters', 'digits'];
    const message = `${text} has ${which} in it (${letters.join(', ')}) where ${where} should be.`;
    return { error: { ...reply.error, message } };
  }
  const named = await send('contact.searchName', { name: text });
  if (!named.ok) return { error: named.error };
  return { result: null, found: { name: text, contacts: named.value.contacts } };
}

export function App() {
  const status = useAnswer('status.get').answer;
  const { connection, accepted } = useConnection();
  const toasts = useToasts();
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  // What a name typed instead of a number found.
  const [found, setFound] = useState<Extract<Answer, { found: unknown }>['found']>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  // Counts lookups started; an answer to any but the newest is dropped.
  const lookups = useRef(0);
  const [error, setError] = useState<string | null>(null);
  // A problem with the typed number is shown at the field; other failures below the form.
  const [numberError, setNumberError] = useState<string | null>(null);
  const [view, setViewState] = useState<View>('results');
  // A draft from an earlier popup, for the form it reopens.
  const [restored, setRestored] = useState<PopupDraft | null>(null);
  // The open form's draft as last typed (what a new lookup would discard).
  const [typed, setTyped] = useState<PopupDraft | null>(null);
  // A lookup waiting for the person to let the open form's content go.
  const [pendingLookup, setPendingLookup] = useState<string | null>(null);
  // Set once the person types a number or looks one up: a draft loading late must not undo that.
  const acted = useRef(false);

  // Every way out of a form (Cancel, a save, a new lookup) comes through here and ends its draft.
  function setView(next: View) {
    if (next === 'results') {
      void clearDraft();
      setRestored(null);
      setTyped(null);
      setPendingLookup(null);
    }
    setViewState(next);
  }

  const { show: showToast } = toasts;
  useEffect(() => {
    let live = true;
    loadDraft().then(
      ({ draft, saved }) => {
        if (!live || acted.current) return;
        if (saved) showToast(draftMessage(saved, true));
        if (!draft) return;
        setNumber(draft.number);
        setResult(draft.result);
        setRestored(draft);
        setTyped(draft);
        setViewState(draft.view);
        showToast(draftMessage(draft, false));
      },
      // Nothing could be read back: the popup starts empty, as it would without a draft.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [showToast]);

  // A newer lookup replaces a running one: the older answer is never shown, nor ends "busy".
  async function lookup(phoneNumber: string, force: boolean, kind: Busy['kind']) {
    const own = (lookups.current += 1);
    setBusy({ kind, phoneNumber });
    setError(null);
    setNumberError(null);
    const answer = await lookUpOrSearch(phoneNumber, force);
    if (own !== lookups.current) return;
    setBusy(null);
    if ('error' in answer) {
      // Keep the last answer on screen: a failed Refresh must not wipe what was known.
      if (answer.error.code === ERROR_CODES.badRequest) setNumberError(answer.error.message);
      else setError(answer.error.message);
      return;
    }
    setFound(answer.found);
    setResult(answer.result);
    if (answer.result) toasts.show(lookupToast(answer.result));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    acted.current = true;
    const wanted = number.trim();
    if (wanted === '') {
      setError(null);
      setNumberError('Type a phone number or a name to look up.');
      return;
    }
    if (view !== 'results' && hasContent(typed)) {
      setPendingLookup(wanted);
      return;
    }
    startLookup(wanted);
  }

  function startLookup(phoneNumber: string) {
    // The form closes first (its buttons stay disabled): no answer closes a form typed into.
    setView('results');
    // The same number asked again while its lookup runs looks stuck: this one asks the CRM itself.
    void lookup(phoneNumber, busy?.phoneNumber === phoneNumber, 'lookup');
  }

  const opening = result && view !== 'results' ? result : null;
  const open = (contact: ContactView) => void openCrmPage(contact.pageUrl, toasts);
  return (
    <main className="popup stack">
      <header className="popup-header">
        <h1>CallPop</h1>
        <span data-testid="version">
          {status.state === 'ready' ? `v${status.value.version}` : null}
        </span>
      </header>
      {status.state === 'error' ? <p role="alert">{status.message}</p> : null}
      <ConnectionLine connection={connection} />
      <NumberForm
        number={number}
        busy={busy}
        numberError={numberError}
        onSubmit={submit}
        onChange={(value) => {
          acted.current = true;
          setNumber(value);
          setPendingLookup(null);
        }}
      />
      {pendingLookup !== null && opening ? (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby="discard-question"
          data-testid="discard-confirm"
        >
          <p id="discard-question">
            The {view === 'log' ? 'call log' : 'new contact'} for {opening.displayNumber} is not
            saved. Discard it and look up {pendingLookup}?
          </p>
          <div className="actions">
            {/* Focus lands on the choice that keeps the work. */}
            <button type="button" ref={focusOnMount} onClick={() => setPendingLookup(null)}>
              Keep editing
            </button>
            <button type="button" onClick={() => startLookup(pendingLookup)}>
              Discard and look up
            </button>
          </div>
        </div>
      ) : null}
      <ErrorText text={error} testId="popup-error" />
      <ToastList toasts={toasts} />
      {view !== 'results' ? null : result ? (
        <ResultsPane
          result={result}
          busy={busy}
          onRefresh={() => void lookup(result.phoneNumber, true, 'refresh')}
          onOpen={open}
          onView={setView}
          onPicked={(contact) => setResult(withContact(result, contact))}
          canSave={accepted}
        />
      ) : found ? (
        <FoundByName {...found} onOpen={open} />
      ) : (
        <RecentCalls toasts={toasts} />
      )}
      {opening ? (
        <FormPane
          result={opening}
          restored={restored}
          toasts={toasts}
          onKeep={(draft) => {
            const kept = { ...draft, number, result: opening };
            setTyped(kept);
            void saveDraft(kept);
          }}
          onCancel={() => setView('results')}
          onSaved={(contact) => {
            setResult(withContact(opening, contact));
            setView('results');
          }}
          view={view === 'log' ? 'log' : 'create'}
        />
      ) : null}
    </main>
  );
}
