import { useState } from 'react';
import type { ConnectionSummary } from '../model/connection';
import { send } from '@/platform/ui/messaging';
import { ErrorText, onEscape } from '@/platform/ui/form-fields';
import { focusOnMount } from '@/platform/ui/focus-on-mount';

interface Props {
  connection: ConnectionSummary;
  /** What the CRM calls its secret: "API token", "API key". */
  secretLabel: string;
  onDisconnected: (message: string) => void;
  /** Shows the form for new credentials to the same CRM address; no button without it. */
  onReplace: (() => void) | undefined;
}

// Focus moves to Cancel when "Are you sure?" appears (Enter never disconnects by accident), and back
// to Disconnect when it goes (not on first showing); keyed views remount, so focusOnMount applies.
export function ConnectedCard({ connection, secretLabel, onDisconnected, onReplace }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = () => setConfirming(false);

  const disconnect = async () => {
    setBusy(true);
    setError(null);
    const reply = await send('connection.disconnect');
    setBusy(false);
    // Until the page shows the connection form (ConnectionSection focuses it), or on failure.
    cancel();
    if (!reply.ok) return setError(`Could not disconnect: ${reply.error.message}`);
    const n = reply.value.removedContacts;
    onDisconnected(
      `Disconnected from ${connection.displayName}. Removed ${n.toLocaleString('en-US')} cached ${n === 1 ? 'contact' : 'contacts'}.`,
    );
  };

  const { rejectedAt } = connection;
  // Rejected credentials are the state shown: not "Signed in as" beside the alert saying otherwise.
  return (
    <div className="connected" data-testid="connected">
      <dl>
        <dt>CRM</dt>
        <dd data-testid="connected-crm">{connection.displayName}</dd>
        <dt>Address</dt>
        <dd data-testid="connected-host">{connection.hostname}</dd>
        {rejectedAt === undefined ? (
          <>
            <dt>Signed in as</dt>
            <dd data-testid="connected-user">{connection.userName}</dd>
            <dt>Connected</dt>
            <dd>{new Date(connection.connectedAt).toLocaleString()}</dd>
          </>
        ) : null}
      </dl>
      {rejectedAt !== undefined ? (
        <p className="field-error" role="alert" data-testid="credentials-rejected">
          {connection.displayName} rejected the saved {secretLabel} at{' '}
          {new Date(rejectedAt).toLocaleTimeString()} on {new Date(rejectedAt).toLocaleDateString()}
          : lookups and saves fail until you enter a new one. It may have been revoked or changed in{' '}
          {connection.displayName}.
        </p>
      ) : null}
      {confirming ? (
        <div
          key="confirm"
          className="confirm"
          role="group"
          aria-label="Confirm disconnect"
          onKeyDown={onEscape(busy ? undefined : cancel)}
        >
          <p>
            Are you sure? CallPop will forget your {connection.displayName} credentials and every
            cached contact.
          </p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void disconnect()}
          >
            Yes, disconnect
          </button>{' '}
          <button type="button" ref={focusOnMount} disabled={busy} onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <div key="actions" className="actions">
          {onReplace ? (
            <button
              type="button"
              className={rejectedAt !== undefined ? 'primary' : undefined}
              data-testid="replace-credentials"
              onClick={onReplace}
            >
              {rejectedAt !== undefined ? 'Reconnect: enter a new' : 'Enter a new'} {secretLabel}
            </button>
          ) : null}
          <button
            type="button"
            ref={asked ? focusOnMount : undefined}
            onClick={() => {
              setAsked(true);
              setConfirming(true);
            }}
          >
            Disconnect
          </button>
        </div>
      )}
      <ErrorText text={error} className="field-error" />
    </div>
  );
}
