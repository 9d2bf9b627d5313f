/** A call logged by hand (no softphone call behind it) needs its direction, result and length. */
import type { CallDirection, CallResult } from '@/platform/messages';
import { ErrorText } from '@/platform/ui/form-fields';

export interface HandCall {
  direction: CallDirection;
  result: CallResult;
  /** As typed, in minutes; checked on Save (shared/call-length.ts). */
  minutes: string;
}

export const LENGTH_ID = 'call-length';

const RESULTS: { value: CallResult; label: string }[] = [
  { value: 'connected', label: 'Connected' },
  { value: 'missed', label: 'Missed (no answer)' },
  { value: 'voicemail', label: 'Left a voicemail' },
  { value: 'busy', label: 'Busy' },
];

export function HandCallFields(props: {
  call: HandCall;
  disabled: boolean;
  lengthError: string | null;
  onChange: (change: Partial<HandCall>) => void;
}) {
  const { call, disabled, lengthError } = props;
  const unanswered = call.result === 'missed' || call.result === 'busy';
  return (
    <>
      <label>
        Direction
        <select
          value={call.direction}
          disabled={disabled}
          onChange={(e) => props.onChange({ direction: e.target.value as CallDirection })}
        >
          <option value="Inbound">Inbound</option>
          <option value="Outbound">Outbound</option>
        </select>
      </label>
      <label>
        Result
        <select
          value={call.result}
          disabled={disabled}
          onChange={(e) => props.onChange({ result: e.target.value as CallResult })}
        >
          {RESULTS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Length (minutes)
        <input
          id={LENGTH_ID}
          inputMode="decimal"
          placeholder="0"
          value={unanswered ? '' : call.minutes}
          // Missed or busy: nobody talked, so there is no length to give.
          disabled={disabled || unanswered}
          aria-invalid={lengthError !== null}
          aria-describedby={lengthError ? 'call-length-error' : undefined}
          onChange={(e) => props.onChange({ minutes: e.target.value })}
        />
      </label>
      <ErrorText text={lengthError} id="call-length-error" />
    </>
  );
}
