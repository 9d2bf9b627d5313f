/** The call-pop window, one per call, following its record; Escape closes (use-close-guard.ts).
 * The record is read before the first render, so the first frame shows the caller, not a wait. */
import { flushSync } from 'react-dom';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { mount } from '@/platform/ui/mount';
import { CallWindow } from './call-window';
import { useCallSession } from './use-call-session';
import './callpop.css';

function App({
  sessionId,
  initial,
}: {
  sessionId: string | null;
  initial?: CallSession | undefined;
}) {
  const call = useCallSession(sessionId, initial);
  if (call.state === 'loading') {
    return (
      <main className="callpop" aria-busy="true">
        <p className="muted">Opening the call…</p>
      </main>
    );
  }
  if (call.state === 'missing') {
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
  return <CallWindow session={call.session} forgotten={call.forgotten === true} />;
}

const sessionId = new URLSearchParams(location.search).get('session');
// A failed read is not the page's end: useCallSession reads again and says what it found.
const initial = sessionId ? await callSessions.get(sessionId).catch(() => undefined) : undefined;
// Rendered at once rather than in a later task: the caller's name is what the window is for.
flushSync(() => mount(<App sessionId={sessionId} initial={initial} />));
