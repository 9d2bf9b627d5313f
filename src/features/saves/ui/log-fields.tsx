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
  // Answers are kept by contact and attempt ("Try again" bumps it), so each shows "loading" until
  // its own answer.
  const [answer, setAnswer] = useState<{ key: string; fields: LogFieldsState } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = `${phoneNumber}|${String(contactId)}|${attempt}`;
  useEffect(() => {
    if (contactId === null) return;
    let live = true;
    void send('contact.logFields', { phoneNumber, contactId }).then((reply) => {
      if (!live) return;
      const fields: LogFieldsState = reply.ok
        ? { state: 'ready', options: reply.value }
        : {
            state: 'error',
            message: `Deals and other fields could not be loaded: ${reply.error.message}`,
            retry: () => setAttempt((n) => n + 1),
          };
      setAnswer({ key, fields });
    });
    return () => {
      live = false;
    };
  }, [phoneNumber, contactId, key]);
  if (contactId === null) return { state: 'idle' };
  return answer?.key === key ? answer.fields : { state: 'loading' };
}

function labelFor(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// One "Link to" choice across every list (Pipedrive: a deal or a lead, never both), so the form
// cannot send two. `values` holds at most one key, its value the option's const.
export function LinkToSelect(props: {
  fields: LogFieldsState;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
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
  const all = fields.state === 'ready' ? Object.entries(fields.options) : [];
  const lists = all.filter(([, options]) => options.length > 0);
  if (lists.length === 0) return null;
  const [key, value] = Object.entries(props.values).find(([, v]) => v !== '') ?? ['', ''];
  return (
    <label>
      Link to
      <select
        value={value ? `${key}:${value}` : ''}
        disabled={props.disabled}
        onChange={(e) => {
          const [list = '', ...rest] = e.target.value.split(':');
          props.onChange(list ? { [list]: rest.join(':') } : {});
        }}
      >
        <option value="">Nothing else (only the contact)</option>
        {lists.map(([list, options]) => (
          <optgroup key={list} label={labelFor(list)}>
            {options.map((option) => (
              <option key={String(option.const)} value={`${list}:${String(option.const)}`}>
                {option.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** The one chosen value back in the type the CRM gave (numbers stay numbers); none: nothing. */
export function additionalSubmission(
  fields: LogFieldsState,
  values: Record<string, string>,
): Record<string, string | number> {
  if (fields.state !== 'ready') return {};
  for (const [key, value] of Object.entries(values)) {
    const option = fields.options[key]?.find((o) => String(o.const) === value);
    if (option) return { [key]: option.const };
  }
  return {};
}
