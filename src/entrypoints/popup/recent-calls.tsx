/** The last calls of this browser session, from their records (the worker writes them, this only
 * reads); choosing one brings its call window back. */
import { useEffect, useState } from 'react';
import { callSessions, type CallSession } from '@/platform/storage/keys';
import { send } from '@/platform/ui/messaging';
import type { Toasts } from '@/platform/ui/toast';

function CallRow({ call, toasts }: { call: CallSession; toasts: Pick<Toasts, 'error'> }) {
  const found = call.lookup.state === 'done' ? call.lookup.result.contacts[0]?.name : undefined;
  const name = call.lastLog?.contactName ?? found;
  const number = call.displayNumber ?? call.phoneNumber;
  const time = new Date(call.startTime).toLocaleTimeString([], { timeStyle: 'short' });
  const show = async () => {
    const reply = await send('call.show', { sessionId: call.sessionId });
    if (!reply.ok) toasts.error(`The call's window could not be opened: ${reply.error.message}`);
  };
  return (
    <button type="button" className="recent" onClick={() => void show()} data-testid="recent-call">
      <strong>
        <bdi>{name ?? number}</bdi>
      </strong>
      <span className="meta">
        {name ? `${number} · ` : ''}
        {call.direction === 'Inbound' ? 'Incoming' : 'Outgoing'} at {time} ·{' '}
        {call.lastLog ? 'Logged' : 'Not logged'}
      </span>
    </button>
  );
}

export function RecentCalls({ toasts }: { toasts: Pick<Toasts, 'error'> }) {
  const [calls, setCalls] = useState<CallSession[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const calls = [...(await callSessions.getMany(await callSessions.ids())).values()];
      if (live) setCalls(calls.sort((a, b) => b.startTime - a.startTime).slice(0, 5));
    };
    // A call ringing while the popup is open joins the list (any session write reloads: cheap).
    const onChanged = (_: unknown, area: string) => area === 'session' && void load();
    void load();
    chrome.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  if (calls === null) return null;
  return (
    <section aria-labelledby="recent-calls-title">
      <h2 id="recent-calls-title">Recent calls</h2>
      {calls.length === 0 ? (
        <p className="muted">No calls yet. Calls from the softphone are listed here.</p>
      ) : (
        <ul className="matches">
          {calls.map((call) => (
            <li key={call.sessionId}>
              <CallRow call={call} toasts={toasts} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
