/** The new contact's name: its error sits under it, tied to it and marking it; focus starts here,
 * and a Save refused for it sends focus back here (by the field's id). */
import { ErrorText } from '@/platform/ui/form-fields';
import { focusOnMount } from '@/platform/ui/focus-on-mount';

export const NAME_MISSING = 'Enter a name for the new contact.';

export function NewNameField(props: {
  id: string;
  value: string;
  error: string | null;
  saving: boolean;
  onChange: (name: string) => void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <>
      <label>
        New contact name
        <input
          id={props.id}
          ref={focusOnMount}
          value={props.value}
          required
          aria-required="true"
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          placeholder="Enter name..."
          // Fixed while saving, so the name saved is the name shown (read-only: still read out).
          readOnly={props.saving}
          onChange={(e) => props.onChange(e.target.value)}
        />
      </label>
      <ErrorText text={props.error} id={errorId} testId="name-error" />
    </>
  );
}
