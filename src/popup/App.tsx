/**
 * The toolbar popup: connection state, look up any number, Refresh from the CRM, open a
 * contact's CRM page, create a contact, log a call.
 */
import { useState, type FormEvent } from 'react';
import { ERROR_CODES, type LookupResult } from '@/shared/messages';
import { send } from '@/shared/messaging';
import { CreateContactForm } from '@/shared/ui/create-contact-form';
import { LogForm } from '@/shared/ui/log-form';
import { lookupProblem, lookupToast } from '@/shared/lookup-problem';
import { LookupResults } from '@/shared/ui/lookup-results';
import { openCrmPage } from '@/shared/ui/open-page';
import { ToastList, useToasts } from '@/shared/ui/toast';
import { useStatus } from '@/shared/ui/use-status';
import '@/shared/ui/ui.css';
import { ConnectionLine } from './ConnectionLine';
import { useConnection } from './use-connection';
import './popup.css';

type View = 'results' | 'create' | 'log';

export function App() {
  const status = useStatus();
  const connection = useConnection();
  const toasts = useToasts();
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<LookupResult | null>(null);
  const [busy, setBusy] = useState<'lookup' | 'refresh' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A problem with the typed number is shown at the field; other failures below the form.
  const [numberError, setNumberError] = useState<string | null>(null);
  const [view, setView] = useState<View>('results');

  async function lookup(phoneNumber: string, force: boolean) {
    setBusy(force ? 'refresh' : 'lookup');
    setError(null);
    setNumberError(null);
    const reply = await send('contact.lookup', { phoneNumber, force });
    setBusy(null);
    if (!reply.ok) {
      // Keep the last answer on screen: a failed Refresh must not wipe what was known.
      if (reply.error.code === ERROR_CODES.badRequest) setNumberError(reply.error.message);
      else setError(reply.error.message);
      return;
    }
    setResult(reply.value);
    setView('results');
    toasts.show(lookupToast(reply.value));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (number.trim() === '') {
      setError(null);
      setNumberError('Type a phone number to look up.');
      return;
    }
    void lookup(number.trim(), false);
  }

  async function open(url: string | null) {
    const problem = await openCrmPage(url);
    if (problem) toasts.error(problem);
  }

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
      <form className="form lookup" onSubmit={submit} role="search" aria-label="Look up a number">
        <label>
          Phone number
          <span className="row">
            <input
              type="tel"
              value={number}
              autoComplete="off"
              placeholder="+1 415 555 0102"
              aria-invalid={numberError ? true : undefined}
              aria-describedby={numberError ? 'number-error' : undefined}
              onChange={(e) => setNumber(e.target.value)}
            />
            <button type="submit" className="primary" disabled={busy !== null}>
              {busy === 'lookup' ? 'Looking up…' : 'Look up'}
            </button>
          </span>
        </label>
        {numberError ? (
          <p id="number-error" role="alert" className="error" data-testid="number-error">
            {numberError}
          </p>
        ) : null}
      </form>
      {error ? (
        <p role="alert" className="error" data-testid="popup-error">
          {error}
        </p>
      ) : null}
      <ToastList toasts={toasts} />
      {result && view === 'results' ? (
        <>
          <div className="row">
            <strong data-testid="display-number">{result.displayNumber}</strong>
            <button
              type="button"
              onClick={() => void lookup(result.phoneNumber, true)}
              disabled={busy !== null}
              aria-busy={busy === 'refresh'}
            >
              {busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
            </button>
          </div>
          <LookupResults result={result} onOpen={(c) => void open(c.pageUrl)} />
          <div className="row">
            {result.canCreate ? (
              <button type="button" onClick={() => setView('create')}>
                Create new contact...
              </button>
            ) : null}
            <button type="button" onClick={() => setView('log')}>
              Log call
            </button>
          </div>
        </>
      ) : null}
      {result && view === 'create' ? (
        <CreateContactForm
          phoneNumber={result.phoneNumber}
          contactTypes={result.contactTypes}
          toasts={toasts}
          onCancel={() => setView('results')}
          onCreated={(reply) => {
            setResult({ ...result, contacts: [...result.contacts, reply.contact] });
            setView('results');
          }}
        />
      ) : null}
      {result && view === 'log' ? (
        <LogForm
          phoneNumber={result.phoneNumber}
          displayNumber={result.displayNumber}
          contacts={result.contacts}
          canCreate={result.canCreate}
          contactTypes={result.contactTypes}
          call={null}
          problem={lookupProblem(result)}
          toasts={toasts}
          onCancel={() => setView('results')}
          onLogged={(reply) => {
            const known = result.contacts.some((c) => String(c.id) === String(reply.contact.id));
            if (!known) setResult({ ...result, contacts: [...result.contacts, reply.contact] });
            setView('results');
          }}
        />
      ) : null}
    </main>
  );
}
