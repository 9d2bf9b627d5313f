import { useEffect, useRef, useState } from 'react';
import { ConnectedCard } from './ConnectedCard';
import { ConnectionForm } from './ConnectionForm';
import { Section } from './Section';
import { useConnection, useConnectors } from './use-connection';

/** Connect to a CRM, or show the connected account with Disconnect. */
export function ConnectionSection({ onDisconnected }: { onDisconnected: () => void }) {
  const connectors = useConnectors();
  const { connection, reload } = useConnection();
  const [notice, setNotice] = useState<string | null>(null);
  // Connect and "Yes, disconnect" unmount the button just clicked: once the other view is
  // shown, focus goes to its first control (Disconnect, or the CRM choice).
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<'connected' | 'form' | null>(null);
  useEffect(() => {
    const want = focusNext.current;
    if (!want || !bodyRef.current) return;
    const target = bodyRef.current.querySelector<HTMLElement>(
      want === 'connected' ? '[data-testid="connected"] button' : 'form select, form input',
    );
    if (!target) return; // not shown yet: the worker's reply re-renders this section
    focusNext.current = null;
    target.focus();
  });

  let body;
  if (connection.state === 'loading' || connectors.state === 'loading') body = <p>Loading…</p>;
  else if (connection.state === 'error') body = <p className="field-error">{connection.message}</p>;
  else if (connection.value) {
    body = (
      <ConnectedCard
        connection={connection.value}
        onDisconnected={(message) => {
          focusNext.current = 'form';
          setNotice(message);
          reload();
          onDisconnected();
        }}
      />
    );
  } else if (connectors.state === 'error') {
    body = <p className="field-error">{connectors.message}</p>;
  } else {
    body = (
      <ConnectionForm
        connectors={connectors.value}
        onConnected={(summary) => {
          focusNext.current = 'connected';
          setNotice(`Connected to ${summary.displayName} as ${summary.userName}.`);
          reload();
        }}
      />
    );
  }

  return (
    <Section title="CRM connection" testId="connection-section">
      <div ref={bodyRef}>{body}</div>
      <p role="status" className="outcome" data-testid="connection-notice">
        {notice}
      </p>
    </Section>
  );
}
