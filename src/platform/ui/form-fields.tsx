// Every control has a visible <label>, help and error text tied by aria-describedby, and an
// error marks it aria-invalid.
import { useId, type KeyboardEvent, type ReactNode } from 'react';

interface Described {
  label: string;
  help?: ReactNode;
  error?: string | null;
  testId?: string;
}

/** A keydown handler that runs `cancel` on Escape; nothing while it is undefined (busy). */
export const onEscape = (cancel: (() => void) | undefined) => (event: KeyboardEvent) => {
  if (event.key !== 'Escape' || !cancel) return;
  event.preventDefault();
  cancel();
};

/** An error line, announced when it appears; nothing while there is none. */
export function ErrorText(props: {
  text: string | null | undefined;
  className?: 'error' | 'field-error';
  id?: string;
  testId?: string;
}) {
  if (!props.text) return null;
  return (
    <p id={props.id} className={props.className ?? 'error'} role="alert" data-testid={props.testId}>
      {props.text}
    </p>
  );
}

/** The control's id and aria attributes, and its help and error lines to place after it. */
function useDescribed({ help, error, testId }: Described) {
  const id = useId();
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  const control = {
    id,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'aria-invalid': error ? true : undefined,
    'data-testid': testId,
  };
  const notes = (
    <>
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorText text={error} className="field-error" id={`${id}-error`} />
    </>
  );
  return { id, control, notes };
}

interface TextFieldProps extends Described {
  value: string;
  onChange: (text: string) => void;
  type?: 'text' | 'password' | 'url' | 'number';
  placeholder?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'url' | 'tel';
  autoComplete?: string;
  /** Settings save what is typed when the field is left (use-draft.ts). */
  onBlur?: () => void;
}

export function TextField(props: TextFieldProps) {
  const { id, control, notes } = useDescribed(props);
  return (
    <div className="field">
      <span className="label-row">
        <label htmlFor={id}>{props.label}</label>
        {/* Outside the label so the field's name stays its label; `required` tells assistive tech. */}
        {props.required ? (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        ) : null}
      </span>
      <input
        {...control}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        required={props.required}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
      {notes}
    </div>
  );
}

interface SelectFieldProps<V extends string> extends Described {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { id, control, notes } = useDescribed(props);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        {...control}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {notes}
    </div>
  );
}

interface CheckboxFieldProps extends Described {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, control, notes } = useDescribed(props);
  return (
    <div className="field field-checkbox">
      <input
        {...control}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      {notes}
    </div>
  );
}
