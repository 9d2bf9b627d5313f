/** The first match has focus, so Enter (or Space) opens it. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { CreateContactForm } from '@/features/saves/ui/create-contact-form';
import { LookupResults } from '@/features/lookup/ui/lookup-results';
import { PickButton, SearchCrm } from '@/features/lookup/ui/find-caller';
import type { ContactView } from '@/platform/messages';
import type { CallLookup, CallSession } from '@/platform/storage/keys';
import type { Toasts } from '@/platform/ui/toast';
import { NAME_SHOWN_MARK } from './name-shown-mark';

function useNameShownMark(shown: boolean): void {
  useLayoutEffect(() => {
    if (!shown || performance.getEntriesByName(NAME_SHOWN_MARK).length > 0) return;
    // The frame that paints this commit starts with its animation frame callbacks.
    requestAnimationFrame(() => performance.mark(NAME_SHOWN_MARK));
  }, [shown]);
}

/** Enter anywhere else, and focus once the match is known, open the first match. */
function useFirstMatch(first: ContactView | undefined, open: (contact: ContactView) => void) {
  const ref = useRef<HTMLButtonElement>(null);
  const firstId = first ? String(first.id) : null;
  useEffect(() => {
    if (firstId) ref.current?.focus();
  }, [firstId]);
  useEffect(() => {
    const onKey = ({ key, target }: KeyboardEvent) => {
      // Enter on a control or in a field is that control's, not the first match's.
      const control =
        target instanceof HTMLElement && target.closest('input, textarea, select, button, a');
      if (key === 'Enter' && first && !control) open(first);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return ref;
}

function CallLines({ session, number }: { session: CallSession; number: string }) {
  const { lastLog, lookup } = session;
  return (
    <>
      {lastLog ? (
        <p role="status" className="done" data-testid="call-logged">
          ✓ Call logged against <bdi>{lastLog.contactName}</bdi> at{' '}
          {new Date(lastLog.at).toLocaleTimeString([], { timeStyle: 'short' })}.
        </p>
      ) : null}
      {lookup.state === 'pending' ? <p role="status">Looking up {number}…</p> : null}
      {lookup.state === 'failed' ? (
        <p role="alert" className="error">
          Could not look up this number: {lookup.message}
        </p>
      ) : null}
    </>
  );
}

/** The person may be in the CRM under another number (found by name, it is added), or new. */
function NoMatch(props: CallCardProps & { result: CallLookup }) {
  const { result, session } = props;
  return (
    <>
      {result.source === 'none' ? null : (
        <SearchCrm
          number={{ phoneNumber: session.phoneNumber, callSessionId: session.sessionId }}
          displayNumber={props.number}
          onOpen={props.onOpen}
          onAdded={props.onSaved}
        />
      )}
      {result.canCreate ? (
        <section aria-label="Create new contact">
          <h2>Create new contact...</h2>
          <CreateContactForm
            phoneNumber={result.phoneNumber}
            name={session.callerName}
            contactTypes={result.contactTypes}
            toasts={props.toasts}
            callSessionId={session.sessionId}
            // The worker keeps the new contact in the call.
            onCreated={props.onSaved}
          />
        </section>
      ) : null}
    </>
  );
}

export interface CallCardProps {
  session: CallSession;
  result: CallLookup | null;
  number: string;
  toasts: Toasts;
  refreshing: boolean;
  onRefresh: () => void;
  onLog: () => void;
  onOpen: (contact: ContactView) => void;
  /** A form's typing was saved. */
  onSaved: () => void;
}

export function CallCard(props: CallCardProps) {
  const { result } = props;
  const firstOpen = useFirstMatch(result?.contacts[0], props.onOpen);
  useNameShownMark(result !== null && result.contacts.length > 0);
  const { phoneNumber, sessionId } = props.session;
  return (
    <>
      <div className="row">
        <button
          type="button"
          onClick={props.onRefresh}
          disabled={props.refreshing}
          aria-busy={props.refreshing}
        >
          {props.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        {/* Once logged, logging again is a choice, not the next step. */}
        {result ? (
          <button
            type="button"
            className={props.session.lastLog ? undefined : 'primary'}
            onClick={props.onLog}
          >
            {props.session.lastLog ? 'Log another' : 'Log call'}
          </button>
        ) : null}
      </div>
      <CallLines session={props.session} number={props.number} />
      {result ? (
        <LookupResults
          result={result}
          onOpen={props.onOpen}
          firstOpenRef={firstOpen}
          action={(c) => (
            <PickButton number={{ phoneNumber, callSessionId: sessionId }} contact={c} />
          )}
        />
      ) : null}
      {result?.more ? (
        <p className="muted" role="status" data-testid="more-matches">
          {result.more} more {result.more === 1 ? 'match' : 'matches'} not shown here: look the
          number up from the toolbar to see them all.
        </p>
      ) : null}
      {result && result.contacts.length === 0 ? <NoMatch {...props} result={result} /> : null}
    </>
  );
}
