import { useState } from 'react';
import type { ConnectionSummary } from '../model/connection';
import type { Loadable } from '@/platform/ui/use-status';
import { ErrorText } from '@/platform/ui/form-fields';
import { messageOf } from '@/platform/message-of';
import { openSoftphoneWindow } from '@/entrypoints/softphone/open-window';

export function ConnectionLine({
  connection,
  onSoftphoneOpened,
}: {
  connection: Loadable<ConnectionSummary | null>;
  onSoftphoneOpened?: () => void;
}) {
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  async function openSoftphone() {
    // Disabled while opening, so a double click asks once.
    setOpening(true);
    setOpenError(null);
    try {
      await openSoftphoneWindow();
      onSoftphoneOpened?.();
    } catch (error) {
      setOpenError(`The softphone window could not be opened: ${messageOf(error)}`);
    } finally {
      setOpening(false);
    }
  }

  if (connection.state === 'loading') return <p className="muted">Checking the CRM connection…</p>;
  if (connection.state === 'error') {
    return <p role="alert">The connection could not be read: {connection.message}</p>;
  }
  const current = connection.value;
  // One state at a time: not connected, credentials rejected, or connected; never two at once.
  if (!current || current.rejectedAt !== undefined) {
    return (
      <div className="row" data-testid="connection" data-state={current ? 'rejected' : 'none'}>
        {current ? (
          <span className="error" role="alert">
            {current.displayName} rejected CallPop&apos;s saved credentials: lookups and saves fail
            until you reconnect.
          </span>
        ) : (
          <span>Not connected to a CRM.</span>
        )}
        <button
          type="button"
          className="primary"
          onClick={() => void chrome.runtime.openOptionsPage()}
        >
          {current ? 'Reconnect' : 'Connect a CRM'}
        </button>
      </div>
    );
  }
  return (
    <>
      <div className="row" data-testid="connection" data-state="connected">
        <span className="muted">
          Connected to {current.displayName} as {current.userName}
        </span>
        {/* Calls pop only while the softphone window is open. */}
        <button
          type="button"
          onClick={() => void openSoftphone()}
          disabled={opening}
          aria-busy={opening}
        >
          {opening ? 'Opening…' : 'Open softphone'}
        </button>
      </div>
      <ErrorText text={openError} testId="softphone-error" />
    </>
  );
}
