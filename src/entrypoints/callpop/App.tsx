/** The call-pop window, one per call, following its record; Escape closes (use-close-guard.ts). */
import type { CallSession } from '@/platform/storage/keys';
import { CallWindow } from './call-window';
import { useCallSession } from './use-call-session';

export function App({
  sessionId,
  initial,
}: {
  sessionId: string | null;
  /** The call as read before the first render, so that render already shows it. */
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
