/** The log form's draft as the Save it sends, and why it cannot be sent yet. */
import type { CallLogRequest, ContactView } from '@/platform/messages';
import { parseCallMinutes } from '../model/call-length';
import { subjectFor, type LogDraft } from '../model/log-draft';
import type { CallFacts } from './log-form';
import { NAME_MISSING } from './new-name-field';

/** Why the draft cannot be saved yet, and the length of a call logged by hand. */
export function checkLogDraft(
  draft: LogDraft,
  chosen: ContactView | null,
  byHand: boolean,
): { nameError?: string; lengthError?: string; seconds: number } {
  if (!chosen && draft.newName.trim() === '') return { nameError: NAME_MISSING, seconds: 0 };
  if (!byHand) return { seconds: 0 };
  // A call never answered has no talk time, whatever the length field says.
  const result = draft.result ?? 'connected';
  const answered = result === 'connected' || result === 'voicemail';
  const length = parseCallMinutes(answered ? (draft.minutes ?? '') : '');
  return length.ok ? { seconds: length.seconds } : { lengthError: length.message, seconds: 0 };
}

interface LogRequestInput {
  phoneNumber: string;
  draft: LogDraft;
  chosen: ContactView | null;
  /** The softphone's call as of now, or the one logged by hand. */
  call: CallFacts;
  subject: string;
  who: string;
  extra: Record<string, string | number>;
}

export function logRequestOf(input: LogRequestInput): CallLogRequest {
  const { draft, call, chosen } = input;
  return {
    requestId: draft.requestId,
    phoneNumber: input.phoneNumber,
    contact: chosen
      ? {
          kind: 'existing',
          id: chosen.id,
          name: chosen.name,
          ...(chosen.type ? { type: chosen.type } : {}),
          ...(chosen.account ? { account: chosen.account } : {}),
        }
      : { kind: 'new', name: draft.newName.trim(), type: draft.newType },
    direction: call.direction,
    startTime: call.startTime,
    durationSeconds: call.durationSeconds,
    result: call.result,
    subject: input.subject.trim() || subjectFor(draft.direction, input.who),
    note: draft.note,
    additionalSubmission: chosen ? input.extra : {},
    ...(call.sessionId ? { callSessionId: call.sessionId } : {}),
    ...(call.ownNumber ? { ownNumber: call.ownNumber } : {}),
  };
}
