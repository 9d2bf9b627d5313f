/** "Contact type" select, shown only when the CRM has more than one type. */
import type { ContactType } from '@/features/lookup/model/contact';

export function ContactTypePicker(props: {
  types: ContactType[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  if (props.types.length < 2) return null;
  return (
    <label>
      Contact type
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.types.map((type) => (
          <option key={type.value} value={type.value}>
            {type.display}
          </option>
        ))}
      </select>
    </label>
  );
}
