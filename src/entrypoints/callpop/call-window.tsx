/** The call's window once its record is known: number, card or log form, and what happened. */
import { useState } from 'react';
import { lookupProblem, lookupToast } from '@/features/lookup/model/lookup-problem';
import { LogForm } from '@/features/saves/ui/log-form';
import { openCrmPage } from '@/platform/ui/open-page';
import type { CallSession } from '@/platform/storage/keys';
import { send } from '@/platform/ui/messaging';
import { ToastList, useToasts, type Toasts } from '@/platform/ui/toast';
import { CallCard } from './call-card';
import { callFacts, callHeading } from './call-facts';
import { useConnectionSwitched } from './use-call-session';
import { useCloseGuard } from './use-close-guard';
import { useKeptLogDraft } from './use-kept-log-draft';
import { ErrorText } from '@/platform/ui/form-fields';

/** Refresh: the worker asks the CRM again and keeps the answer in the call, which this view watches. */
function useRefresh(toasts: Toasts) {
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function refresh(call: CallSession) {
    setRefreshing(true);
    setError(null);
    const reply = await send('call.refresh', { sessionId: call.sessionId });
    setRefreshing(false);
    if (reply.ok) toasts.show(lookupToast(reply.value));
    else setError(`Refresh failed: ${reply.error.message}`);
  }
  return { refreshing, error, refresh };
}

export function CallWindow({ session, forgotten }: { session: CallSession; forgotten: boolean }) {
  const toasts = useToasts();
  const [view, setView] = useState<'card' | 'log'>('card');
  const keptLog = useKeptLogDraft();
  // After a switch of CRM the call is over here: its contacts and Log call are the old CRM's.
  const switched = useConnectionSwitched();
  const over = switched || forgotten || session.endedAt !== undefined;
  const { settled } = useCloseGuard(toasts, keptLog.hasContent, over ? session.sessionId : null);
  const { refreshing, error, refresh } = useRefresh(toasts);
  const result = session.lookup.state === 'done' ? session.lookup.result : null;
  const draft = result ? keptLog.draftFor(result.contacts) : undefined;
  const { line, number } = callHeading(switched ? { ...session, status: 'NoCall' } : session);

  const logDone = (saved: boolean) => {
    settled();
    if (saved) keptLog.clear();
    setView('card');
  };

  return (
    <main className="callpop stack">
      <header>
        <p className="muted">{line}</p>
        <h1 data-testid="call-number">{number}</h1>
        {session.callerName ? (
          <p className="muted">
            Caller ID: <bdi>{session.callerName}</bdi>
          </p>
        ) : null}
      </header>
      <ToastList toasts={toasts} />
      {switched ? (
        <>
          <p role="status" data-testid="call-stale">
            CallPop was connected to another CRM (or disconnected) since this call, so this window
            no longer updates, and its contacts and Log call belong to the CRM before.
          </p>
          <button type="button" className="primary" onClick={() => window.close()}>
            Close window
          </button>
        </>
      ) : forgotten ? (
        <p className="muted" role="status" data-testid="call-forgotten">
          CallPop no longer keeps this call (old calls are forgotten, and disconnecting the CRM
          forgets them all), so this window shows it as it was last known and no longer updates.
          While a CRM is connected, you can still log it.
        </p>
      ) : null}
      <ErrorText text={error} testId="callpop-error" />
      {view === 'log' && result ? (
        // The worker keeps the log, and a new contact, in the call.
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
          {...(draft ? { draft } : {})}
          onDraftChange={(typed) => keptLog.keep(typed, result.contacts)}
          onCancel={() => logDone(false)}
          onLogged={() => logDone(true)}
        />
      ) : switched ? null : (
        <CallCard
          session={session}
          result={result}
          number={number}
          toasts={toasts}
          refreshing={refreshing}
          onRefresh={() => void refresh(session)}
          onLog={() => setView('log')}
          onOpen={(contact) => void openCrmPage(contact.pageUrl, toasts)}
          onSaved={settled}
        />
      )}
    </main>
  );
}
