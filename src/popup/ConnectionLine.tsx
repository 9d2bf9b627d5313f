import type { ConnectionSummary } from '@/shared/connection';
import type { Loadable } from '@/shared/ui/use-status';
import { openSoftphoneWindow } from '@/softphone/open-window';

export function ConnectionLine({ connection }: { connection: Loadable<ConnectionSummary | null> }) {
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
    <div className="row" data-testid="connection">
      <span className="muted">
        Connected to {connection.value.displayName} as {connection.value.userName}
      </span>
      {/* Calls pop only while the softphone window is open. */}
      <button type="button" onClick={() => void openSoftphoneWindow()}>
        Open softphone
      </button>
    </div>
  );
}
