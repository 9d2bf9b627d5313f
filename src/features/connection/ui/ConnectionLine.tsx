import { useState } from 'react';
import type { ConnectionSummary } from '../model/connection';
import type { Loadable } from '@/platform/ui/use-status';
import { ErrorText } from '@/platform/ui/form-fields';
import { openSoftphoneWindow } from '@/entrypoints/softphone/open-window';

export function ConnectionLine({ connection }: { connection: Loadable<ConnectionSummary | null> }) {
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  async function openSoftphone() {
    // Disabled while opening, so a double click asks once.
    setOpening(true);
    setOpenError(null);
    try {
      await openSoftphoneWindow();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setOpenError(`The softphone window could not be opened: ${reason}`);
    } finally {
      setOpening(false);
    }
  }

  if (connection.state === 'loading') return <p className="muted">Checking the CRM connection…</p>;
  if (connection.state === 'error') {
    return <p role="alert">The connection could not be read: {connection.message}</p>;
  }
  if (!connection.value) {
    return (
      <div className="row" data-testid="connection">
        <span>Not connected to a CRM.</span>
        <button
          type="button"
          className="primary"
          onClick={() => void chrome.runtime.openOptionsPage()}
        >
          Connect a CRM
        </button>
      </div>
    );
  }
  return (
    <>
      <div className="row" data-testid="connection">
        <span className="muted">
          Connected to {connection.value.displayName} as {connection.value.userName}
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
      {connection.value.rejectedAt !== undefined ? (
        <div className="row" data-testid="credentials-rejected">
          <span className="error" role="alert">
            {connection.value.displayName} rejected CallPop&apos;s saved credentials: lookups and
            saves fail until you enter new ones in Options.
          </span>
          <button type="button" onClick={() => void chrome.runtime.openOptionsPage()}>
            Open Options
          </button>
        </div>
      ) : null}
      <ErrorText text={openError} testId="softphone-error" />
    </>
  );
}
