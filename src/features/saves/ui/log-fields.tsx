/** Contact-dependent log fields (e.g. Pipedrive deals and leads), fetched once a contact is chosen. */
import { useEffect, useState } from 'react';
import type { LogFieldOptions } from '@/platform/messages';
import { send } from '@/platform/ui/messaging';

export type LogFieldsState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; options: LogFieldOptions }
  | { state: 'error'; message: string; retry: () => void };

export function useLogFields(
  phoneNumber: string,
  contactId: string | number | null,
): LogFieldsState {
  // Answers are kept by contact, so switching contacts shows "loading" until its own answer.
  const [answer, setAnswer] = useState<{ key: string; fields: LogFieldsState } | null>(null);
  // Bumped by "Try again": the same contact's fields are asked for once more.
  const [attempt, setAttempt] = useState(0);
  const key = contactId === null ? null : `${phoneNumber}|${String(contactId)}`;
  useEffect(() => {
    if (contactId === null || key === null) return;
    let live = true;
    void send('contact.logFields', { phoneNumber, contactId }).then((reply) => {
      if (!live) return;
      setAnswer({
        key,
        fields: reply.ok
          ? { state: 'ready', options: reply.value }
          : {
              state: 'error',
              message: `Deals and other fields could not be loaded: ${reply.error.message}`,
              retry: () => {
                setAnswer(null);
                setAttempt((n) => n + 1);
              },
            },
      });
    });
    return () => {
      live = false;
    };
  }, [phoneNumber, contactId, key, attempt]);
  if (key === null) return { state: 'idle' };
  return answer?.key === key ? answer.fields : { state: 'loading' };
}

function labelFor(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function LogFieldSelects(props: {
  fields: LogFieldsState;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  disabled: boolean;
}) {
  const { fields } = props;
  if (fields.state === 'loading') {
    return (
      <p className="muted" role="status">
        Loading deals and fields…
      </p>
    );
  }
  if (fields.state === 'error') {
    return (
      <div className="row">
        <p className="error" role="alert">
          {fields.message} Saving now logs the call without them.
        </p>
        <button type="button" onClick={fields.retry} disabled={props.disabled}>
          Try again
        </button>
      </div>
    );
  }
  if (fields.state !== 'ready') return null;
  return (
    <>
      {Object.entries(fields.options)
        .filter(([, options]) => options.length > 0)
        .map(([key, options]) => (
          <label key={key}>
            {labelFor(key)}
            <select
              value={props.values[key] ?? ''}
              disabled={props.disabled}
              onChange={(e) => props.onChange(key, e.target.value)}
            >
              <option value="">None</option>
              {options.map((option) => (
                <option key={String(option.const)} value={String(option.const)}>
                  {option.title}
                </option>
              ))}
            </select>
          </label>
        ))}
    </>
  );
}

/** Form values back to the types the CRM gave (numbers stay numbers); "None" is left out. */
export function additionalSubmission(
  fields: LogFieldsState,
  values: Record<string, string>,
): Record<string, string | number> {
  if (fields.state !== 'ready') return {};
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === '') continue;
    const option = fields.options[key]?.find((o) => String(o.const) === value);
    if (option) out[key] = option.const;
  }
  return out;
}
