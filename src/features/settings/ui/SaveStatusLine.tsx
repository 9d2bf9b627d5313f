import type { SaveStatus } from './use-settings';

/** A quiet "Saved" after each change; failures are announced. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const text =
    status.state === 'saving'
      ? 'Saving…'
      : status.state === 'saved'
        ? `Saved at ${new Date(status.at).toLocaleTimeString()}`
        : status.state === 'failed'
          ? status.message
          : 'Changes are saved as you make them.';
  return (
    <p
      className={status.state === 'failed' ? 'save-status field-error' : 'save-status muted'}
      role={status.state === 'failed' ? 'alert' : 'status'}
      data-testid="save-status"
      data-state={status.state}
    >
      {text}
    </p>
  );
}
