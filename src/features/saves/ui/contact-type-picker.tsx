/** The forms' plain selects: "Contact type" (only when the CRM has more than one), direction, result. */
import type { ContactType } from '@/features/lookup/model/contact';

export function PlainSelect<V extends string>(props: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  disabled?: boolean;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ContactTypePicker(props: {
  types: ContactType[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  if (props.types.length < 2) return null;
  const options = props.types.map((type) => ({ value: type.value, label: type.display }));
  return <PlainSelect label="Contact type" {...props} options={options} />;
}
