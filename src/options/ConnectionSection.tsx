import { useState } from 'react';
import { ConnectedCard } from './ConnectedCard';
import { ConnectionForm } from './ConnectionForm';
import { Section } from './Section';
import { useConnection, useConnectors } from './use-connection';

/** Connect to a CRM, or show the connected account with Disconnect. */
export function ConnectionSection({ onDisconnected }: { onDisconnected: () => void }) {
  const connectors = useConnectors();
  const { connection, reload } = useConnection();
  const [notice, setNotice] = useState<string | null>(null);

  let body;
  if (connection.state === 'loading' || connectors.state === 'loading') body = <p>Loading…</p>;
  else if (connection.state === 'error') body = <p className="field-error">{connection.message}</p>;
  else if (connection.value) {
    body = (
      <ConnectedCard
        connection={connection.value}
        onDisconnected={(message) => {
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
          setNotice(`Connected to ${summary.displayName} as ${summary.userName}.`);
          reload();
        }}
      />
    );
  }

  return (
    <Section title="CRM connection" testId="connection-section">
      {body}
      <p role="status" className="outcome" data-testid="connection-notice">
        {notice}
      </p>
    </Section>
  );
}
