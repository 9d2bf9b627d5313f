import { useEffect, useRef, useState } from 'react';
import type { ConnectionSummary } from '../model/connection';
import { ConnectedCard } from './ConnectedCard';
import { ConnectionForm } from './ConnectionForm';
import { secretLabelOf } from './connection-draft';
import { Section } from '@/platform/ui/Section';
import { useConnection } from './use-connection';
import { useAnswer } from '@/platform/ui/use-status';

/** Where focus goes once the view it belongs to is shown. */
const FOCUS_TARGETS = {
  disconnect: '[data-testid="connected"] button:not([data-testid="replace-credentials"])',
  replace: '[data-testid="replace-credentials"]',
  form: 'form select, form input',
  secret: 'form input[type="password"]',
};

/** Which connection a replace form was opened for: another one (made elsewhere) closes it. */
const identityOf = (c: ConnectionSummary | null) =>
  c ? `${c.platform}:${c.hostname}:${c.connectedAt}` : null;

/** Connect to a CRM, or show the connected account with Disconnect. */
export function ConnectionSection({ onDisconnected }: { onDisconnected: () => void }) {
  const connectors = useAnswer('connectors.list', 'The list of CRMs could not be loaded: ').answer;
  const { connection, reload, show } = useConnection();
  const [notice, setNotice] = useState<string | null>(null);
  // Identity of the connection whose credentials are being replaced without disconnecting (which
  // would drop every cached contact); gone, with the form, once another tab reconnects.
  const [replacing, setReplacing] = useState<string | null>(null);
  const current = connection.state === 'ready' ? connection.value : null;
  const connector =
    connectors.state === 'ready'
      ? connectors.value.find((c) => c.name === current?.platform)
      : undefined;
  const shownIdentity = identityOf(current);
  // Connect and "Yes, disconnect" unmount the button just clicked: once the other view is
  // shown, focus goes to the control that view is about (Disconnect, the token, the CRM).
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

  const connected = (summary: ConnectionSummary, focus: keyof typeof FOCUS_TARGETS) => {
    focusNext.current = focus;
    setReplacing(null);
    // Shown at once, so the card never flashes the replaced credentials' state meanwhile.
    show(summary);
    setNotice(`Connected to ${summary.displayName} as ${summary.userName}.`);
  };

  let body;
  if (connection.state === 'loading' || connectors.state === 'loading') body = <p>Loading…</p>;
  else if (connection.state === 'error') {
    body = <p className="field-error">The connection could not be read: {connection.message}</p>;
  } else if (current && connectors.state === 'ready' && replacing === shownIdentity) {
    body = (
      <ConnectionForm
        key={`replace:${shownIdentity}`}
        connectors={connectors.value}
        replacing={current}
        onCancel={() => {
          focusNext.current = 'replace';
          setReplacing(null);
        }}
        onConnected={(summary) => connected(summary, 'replace')}
      />
    );
  } else if (current) {
    body = (
      <ConnectedCard
        connection={current}
        secretLabel={secretLabelOf(connector)}
        // Offered only when the form it opens can be drawn.
        onReplace={
          connector
            ? () => {
                focusNext.current = 'secret';
                setNotice(null);
                setReplacing(shownIdentity);
              }
            : undefined
        }
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
        key="new"
        connectors={connectors.value}
        onConnected={(summary) => connected(summary, 'disconnect')}
      />
    );
  }

  return (
    <Section title="CRM connection" testId="connection-section">
      <div ref={bodyRef}>{body}</div>
      <p role="status" className="outcome" data-testid="connection-notice">
        {/* "Connected to …" from a Connect is out of date once the CRM rejects the credentials. */}
        {current?.rejectedAt === undefined ? notice : null}
      </p>
    </Section>
  );
}
