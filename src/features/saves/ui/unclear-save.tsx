/** Retry sends the same request, which finds the earlier write or saves it: never twice. */
import { useState } from 'react';
import type { Payload, Value } from '@/platform/messages';
import { focusOnMount } from '@/platform/ui/focus-on-mount';
import { send } from '@/platform/ui/messaging';

type SaveName = 'contact.create' | 'callLog.create';

/** Sends a Save: an unclear outcome freezes exactly what was sent (`unclear` in the draft); a
 * clear failure is the form's `error`, and its typing stays. */
export function useSave<N extends SaveName>(
  name: N,
  setUnclear: (
    unclear: { request: Omit<Payload<N>, 'retry'>; message: string } | undefined,
  ) => void,
  onSaved: (value: Value<N>) => void,
  failed: (message: string) => string = (message) => message,
) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Counts clear failures, so a form can move focus back to its Save button after each.
  const [failures, setFailures] = useState(0);
  async function submit(request: Payload<N>) {
    setSaving(true);
    setError(null);
    const reply = await send<SaveName>(name, request);
    setSaving(false);
    // Unclear: the CRM may have saved it (the worker says so, or never answered).
    if (!reply.ok && (reply.error.outcomeUnclear === true || reply.error.code === 'internal')) {
      const { retry: _retry, ...sent } = request;
      setUnclear({ request: sent, message: reply.error.message });
      return;
    }
    setUnclear(undefined);
    if (reply.ok) return onSaved(reply.value);
    setFailures((n) => n + 1);
    setError(failed(reply.error.message));
  }
  return { saving, error, failures, submit };
}

/** `sent`: what was sent, as label and value pairs. */
export function UnclearSaveView(props: {
  title: string;
  message: string;
  sent: [string, string][];
  retrying: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}) {
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
          ref={focusOnMount}
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
