/** Retry sends the same request, which finds the earlier write or saves it: never twice. */
import { useEffect, useRef } from 'react';
import type { ReplyError } from '@/platform/messages';

/** A failure after which the CRM may have saved it: the worker says so, or never answered. */
export function isUnclear(error: ReplyError): boolean {
  return error.outcomeUnclear === true || error.code === 'internal';
}

export interface UnclearSaveProps {
  title: string;
  message: string;
  /** What was sent, as label and value pairs. */
  sent: [string, string][];
  retrying: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}

export function UnclearSaveView(props: UnclearSaveProps) {
  const retry = useRef<HTMLButtonElement>(null);
  useEffect(() => retry.current?.focus(), []);
  return (
    <section className="form" aria-label={props.title} data-testid="save-unclear">
      <h2>{props.title}</h2>
      <p className="error" role="alert">
        {props.message}
      </p>
      <p className="muted">
        This is what was sent; it can no longer be changed. Retry checks whether it was saved and
        saves it only if not.
      </p>
      <dl data-testid="save-sent">
        {props.sent.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" onClick={props.onDiscard} disabled={props.retrying}>
          Discard
        </button>
        <button
          ref={retry}
          type="button"
          className="primary"
          onClick={props.onRetry}
          disabled={props.retrying}
          aria-busy={props.retrying}
        >
          {props.retrying ? 'Retrying…' : 'Retry'}
        </button>
      </div>
    </section>
  );
}
