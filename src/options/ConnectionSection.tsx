import { useEffect, useRef, useState } from 'react';
import { ConnectedCard } from './ConnectedCard';
import type { ConnectorInfo } from '@/shared/messages';
import { ConnectionForm } from './ConnectionForm';
import { fieldRole } from './connection-draft';
import { Section } from './Section';
import { useConnection, useConnectors } from './use-connection';

/** Where focus goes once the view it belongs to is shown. */
const FOCUS_TARGETS = {
  connected: '[data-testid="connected"] button:not([data-testid="replace-credentials"])',
  replace: '[data-testid="replace-credentials"]',
  form: 'form select, form input',
  secret: 'form input[type="password"]',
};

function secretLabelOf(connector: ConnectorInfo | undefined): string {
  return connector?.settings.find((f) => fieldRole(f) === 'secret')?.label ?? 'key';
}

/** Connect to a CRM, or show the connected account with Disconnect. */
export function ConnectionSection({ onDisconnected }: { onDisconnected: () => void }) {
  const connectors = useConnectors();
  const { connection, reload } = useConnection();
  const [notice, setNotice] = useState<string | null>(null);
  // New credentials for the connected account (a revoked or rotated key) without disconnecting,
  // which would drop every cached contact.
  const [replacing, setReplacing] = useState(false);
  // Connect and "Yes, disconnect" unmount the button just clicked: once the other view is
  // shown, focus goes to its first control (Disconnect, or the CRM choice).
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<keyof typeof FOCUS_TARGETS | null>(null);
  useEffect(() => {
    const want = focusNext.current;
    if (!want || !bodyRef.current) return;
    const target = bodyRef.current.querySelector<HTMLElement>(FOCUS_TARGETS[want]);
    if (!target) return; // not shown yet: the worker's reply re-renders this section
    focusNext.current = null;
    target.focus();
  });

  let body;
  if (connection.state === 'loading' || connectors.state === 'loading') body = <p>Loading…</p>;
  else if (connection.state === 'error') body = <p className="field-error">{connection.message}</p>;
  else if (connection.value && !(replacing && connectors.state === 'ready')) {
    const { platform } = connection.value;
    const connector = connectors.state === 'ready' ? connectors.value : [];
    body = (
      <ConnectedCard
        connection={connection.value}
        secretLabel={secretLabelOf(connector.find((c) => c.name === platform))}
        onReplace={() => {
          focusNext.current = 'secret';
          setNotice(null);
          setReplacing(true);
        }}
        onDisconnected={(message) => {
          focusNext.current = 'form';
          setNotice(message);
          reload();
          onDisconnected();
        }}
      />
    );
  } else if (connection.value && connectors.state === 'ready') {
    body = (
      <ConnectionForm
        connectors={connectors.value}
        replacing={connection.value}
        onCancel={() => {
          focusNext.current = 'replace';
          setReplacing(false);
        }}
        onConnected={(summary) => {
          focusNext.current = 'connected';
          setReplacing(false);
          setNotice(`Connected to ${summary.displayName} as ${summary.userName}.`);
          reload();
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
