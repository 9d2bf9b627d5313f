/**
 * The call-pop window, one per call: the caller's number, the matches as cards (cached at once,
 * fresh in place), Refresh, Open in CRM, the create path when nothing matches, and Log call.
 * Enter opens the first match's CRM page; Escape closes the window. While a form on screen holds
 * typing not saved yet, Escape first warns, and closes at a second press (Escape in a field only
 * leaves the field).
 */
import { useEffect, useRef, useState } from 'react';
import { callHeading } from '@/features/calls/model/call-view';
import { send } from '@/platform/ui/messaging';
import type { CallSession } from '@/platform/storage/keys';
import { CreateContactForm } from '@/features/saves/ui/create-contact-form';
import { LogForm } from '@/features/saves/ui/log-form';
import { lookupProblem, lookupToast } from '@/features/lookup/model/lookup-problem';
import { LookupResults } from '@/features/lookup/ui/lookup-results';
import { openCrmPage } from '@/platform/ui/open-page';
import { ToastList, useToasts } from '@/platform/ui/toast';
import { callFacts } from './call-facts';
import { useCallSession } from './use-call-session';
import { useKeptLogDraft } from './use-kept-log-draft';
import type { LogDraft } from '@/features/saves/model/log-draft';

/** The form's `draft` prop only when there is one (exact optional props). */
const keptDraftProp = (draft: LogDraft | undefined) => (draft ? { draft } : {});

function isEditing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select') !== null;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.closest('input, textarea, select, button, a') !== null
  );
}

/** A field the person types into (a choice in a list or a box is not typing). */
function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  if (target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(
      target.type,
    )
  );
}

/**
 * A second Escape while the "not saved yet" warning shows closes the window anyway: the person
 * has been told, and Escape must never do nothing.
 */
const ESCAPE_AGAIN_MS = 5_000;

export function App({
  sessionId,
  initial,
}: {
  sessionId: string | null;
  /** The call as the first paint read it, so React's first frame is already the full view. */
  initial?: CallSession | undefined;
}) {
  const call = useCallSession(sessionId, initial);
  const toasts = useToasts();
  const [view, setView] = useState<'card' | 'log'>('card');
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keptLog = useKeptLogDraft();
  const firstOpen = useRef<HTMLButtonElement>(null);
  // The fields typed into since the last save or cancel. What they hold is unsaved only while
  // they are still on screen and not empty: a form that went away (Refresh found a match) or a
  // field cleared again holds nothing to lose.
  const typedInto = useRef(new Set<HTMLInputElement | HTMLTextAreaElement>());
  const settled = () => {
    typedInto.current.clear();
  };
  // A log form's typing kept after Cancel (see logDraft) is unsaved too: off screen, or back
  // in a form reopened with it, where no field has been typed into since.
  const unsaved = () =>
    [...typedInto.current].some((field) => field.isConnected && field.value.trim() !== '') ||
    keptLog.hasContent;
  // When Escape last warned about unsaved typing.
  const warnedAt = useRef<number | null>(null);
  // Set when the person chose to close anyway (a second Escape): no second question then.
  const leaving = useRef(false);
  const closeAnyway = () => {
    leaving.current = true;
    window.close();
  };
  const session = call.state === 'ready' ? call.session : null;
  const result = session?.lookup.state === 'done' ? session.lookup.result : null;
  const firstMatch = result?.contacts[0] ?? null;

  async function open(url: string | null) {
    const problem = await openCrmPage(url);
    if (problem) toasts.error(problem);
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        if (isEditing(event.target)) (event.target as HTMLElement).blur();
        else if (!unsaved()) window.close();
        else if (warnedAt.current !== null && Date.now() - warnedAt.current < ESCAPE_AGAIN_MS) {
          closeAnyway();
        } else {
          warnedAt.current = Date.now();
          // Shown exactly as long as what it offers holds.
          toasts.show({
            message:
              'What you typed is not saved yet. Save or clear it, or press Escape again to close anyway.',
            messageType: 'warning',
            ttl: ESCAPE_AGAIN_MS,
          });
        }
      }
      if (event.key === 'Enter' && !isTyping(event.target) && firstMatch && view === 'card') {
        void open(firstMatch.pageUrl);
      }
    };
    const onInput = (event: Event) => {
      if (isTextField(event.target)) typedInto.current.add(event.target);
    };
    // Closing the window any other way (its close button) with typing not saved yet asks first,
    // with the browser's own "Leave?" question.
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!leaving.current && unsaved()) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('input', onInput, true);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('input', onInput, true);
      window.removeEventListener('beforeunload', onLeave);
    };
  });

  // Focus the first match once it is known, so Enter (or Space) opens it.
  const firstId = firstMatch ? String(firstMatch.id) : null;
  useEffect(() => {
    if (firstId && view === 'card') firstOpen.current?.focus();
  }, [firstId, view]);

  /** The worker asks the CRM again and keeps the answer in the call, which this view watches. */
  async function refresh(current: CallSession) {
    setRefreshing(true);
    setError(null);
    const reply = await send('call.refresh', { sessionId: current.sessionId });
    setRefreshing(false);
    if (!reply.ok) {
      setError(`Refresh failed: ${reply.error.message}`);
      return;
    }
    toasts.show(lookupToast(reply.value));
  }

  if (call.state === 'loading') {
    return (
      <main className="callpop" aria-busy="true">
        <p className="muted">Opening the call…</p>
      </main>
    );
  }
  if (!session) {
    return (
      <main className="callpop">
        <h1>Call</h1>
        <p role="alert">
          This call is no longer known to CallPop. Close this window and look the number up from the
          toolbar.
        </p>
      </main>
    );
  }

  const heading = callHeading(session);
  const { number } = heading;
  return (
    <main className="callpop stack">
      <header>
        <p className="muted">{heading.line}</p>
        <h1 data-testid="call-number">{number}</h1>
        {session.callerName ? <p className="muted">Caller id: {session.callerName}</p> : null}
      </header>
      <ToastList toasts={toasts} />
      {call.state === 'ready' && call.forgotten ? (
        <p className="muted" role="status" data-testid="call-forgotten">
          CallPop no longer keeps this call (old calls are forgotten, and disconnecting the CRM
          forgets them all), so this window shows it as it was last known and no longer updates.
          While a CRM is connected, you can still log it.
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="callpop-error">
          {error}
        </p>
      ) : null}
      {view === 'log' && result ? (
        <LogForm
          phoneNumber={result.phoneNumber}
          displayNumber={number}
          contacts={result.contacts}
          canCreate={result.canCreate}
          contactTypes={result.contactTypes}
          call={callFacts(session)}
          callNow={() => callFacts(session)}
          problem={lookupProblem(result)}
          toasts={toasts}
          {...keptDraftProp(keptLog.draftFor(result.contacts))}
          onDraftChange={(draft) => keptLog.keep(draft, result.contacts)}
          onCancel={() => {
            settled();
            setView('card');
          }}
          // The worker keeps the log, and a new contact, in the call (background/callpop).
          onLogged={() => {
            settled();
            keptLog.clear();
            setView('card');
          }}
        />
      ) : (
        <>
          <div className="row">
            <button
              type="button"
              onClick={() => void refresh(session)}
              disabled={refreshing}
              aria-busy={refreshing}
            >
              {refreshing ? 'Refreshing…' : 'Refresh'}
            </button>
            {result ? (
              <button type="button" className="primary" onClick={() => setView('log')}>
                Log call
              </button>
            ) : null}
          </div>
          {session.lastLog ? (
            <p role="status" className="muted" data-testid="call-logged">
              Call logged against {session.lastLog.contactName} at{' '}
              {new Date(session.lastLog.at).toLocaleTimeString([], { timeStyle: 'short' })}.
            </p>
          ) : null}
          {session.lookup.state === 'pending' ? <p role="status">Looking up {number}…</p> : null}
          {session.lookup.state === 'failed' ? (
            <p role="alert" className="error">
              Could not look up this number: {session.lookup.message}
            </p>
          ) : null}
          {result ? (
            <LookupResults
              result={result}
              onOpen={(c) => void open(c.pageUrl)}
              firstOpenRef={firstOpen}
            />
          ) : null}
          {result?.more ? (
            <p className="muted" role="status" data-testid="more-matches">
              {result.more} more {result.more === 1 ? 'match' : 'matches'} not shown here: look the
              number up from the toolbar to see them all.
            </p>
          ) : null}
          {result && result.contacts.length === 0 && result.canCreate ? (
            <section aria-label="Create new contact">
              <h2>Create new contact...</h2>
              <CreateContactForm
                phoneNumber={result.phoneNumber}
                contactTypes={result.contactTypes}
                toasts={toasts}
                callSessionId={session.sessionId}
                // The worker keeps the new contact in the call (background/callpop).
                onCreated={settled}
              />
            </section>
          ) : null}
        </>
      )}
    </main>
  );
}
