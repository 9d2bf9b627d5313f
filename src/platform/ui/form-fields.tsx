// Every control has a visible <label>, help and error text tied by aria-describedby, and an
// error marks it aria-invalid.
import { useId, type ReactNode } from 'react';

interface Described {
  label: string;
  help?: ReactNode;
  error?: string | null;
  testId?: string;
}

function describedBy(id: string, help: unknown, error: unknown): string | undefined {
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

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

function HelpAndError({ id, help, error }: Pick<Described, 'help' | 'error'> & { id: string }) {
  return (
    <>
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      <ErrorText text={error} className="field-error" id={`${id}-error`} />
    </>
  );
}

interface TextFieldProps extends Described {
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'password' | 'url' | 'number';
  placeholder?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'url' | 'tel';
  autoComplete?: string;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
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
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        required={props.required}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.help, props.error)}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
      <HelpAndError id={id} help={props.help} error={props.error} />
    </div>
  );
}

interface SelectFieldProps<V extends string> extends Described {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-describedby={describedBy(id, props.help, props.error)}
        aria-invalid={props.error ? true : undefined}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <HelpAndError id={id} help={props.help} error={props.error} />
    </div>
  );
}

interface CheckboxFieldProps extends Described {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={describedBy(id, props.help, props.error)}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <HelpAndError id={id} help={props.help} error={props.error} />
    </div>
  );
}

interface RadioGroupProps<V extends string> {
  legend: string;
  value: V;
  options: readonly { value: V; label: string; help?: string }[];
  onChange: (value: V) => void;
  testId?: string;
}

export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const name = useId();
  return (
    <fieldset className="radio-group" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className="radio-option">
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              checked={props.value === option.value}
              aria-describedby={option.help ? `${id}-help` : undefined}
              onChange={() => props.onChange(option.value)}
            />
            <label htmlFor={id}>{option.label}</label>
            {option.help ? (
              <p id={`${id}-help`} className="field-help">
                {option.help}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
