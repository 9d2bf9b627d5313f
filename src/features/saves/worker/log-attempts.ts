/**
 * What each attempt of a call-log Save sent, as recorded before sending it (`logAttempts`): a
 * retry asks the CRM for those attempts' logs, never for logs this Save did not write.
 */
import type { CreateCallLogArgs } from '@/connectors/types';
import type { LogAttempt } from '@/platform/storage/keys';

export function attemptOf(args: CreateCallLogArgs): LogAttempt {
  return {
    contactId: String(args.contact.id),
    ...(args.contact.type ? { contactType: args.contact.type } : {}),
    contactName: args.contact.name,
    subject: args.subject,
    note: args.note,
    durationSeconds: args.call.durationSeconds,
    result: args.call.result,
    additionalSubmission: args.additionalSubmission,
  };
}

/**
 * `args` as an earlier attempt sent them, to ask the CRM for that attempt's log. The contact is
 * the attempt's own when it was another one.
 */
export function argsFor(args: CreateCallLogArgs, attempt: LogAttempt): CreateCallLogArgs {
  const contact = isAttemptOn(attempt, args.contact)
    ? args.contact
    : {
        id: attempt.contactId,
        name: attempt.contactName ?? '',
        ...(attempt.contactType ? { type: attempt.contactType } : {}),
      };
  return {
    ...args,
    contact,
    call: {
      ...args.call,
      durationSeconds: attempt.durationSeconds,
      result: attempt.result as CreateCallLogArgs['call']['result'],
    },
    subject: attempt.subject,
    note: attempt.note,
    additionalSubmission: attempt.additionalSubmission,
  };
}

/**
 * Ids alone do not name a contact (an Insightly contact and lead may share one): the types must
 * agree too, where both are known (attempts recorded before types were kept have none).
 */
export function isAttemptOn(attempt: LogAttempt, contact: CreateCallLogArgs['contact']): boolean {
  return attempt.contactId === String(contact.id) && sameType(attempt.contactType, contact.type);
}

function sameType(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
}

const sorted = (fields: Record<string, string | number>) =>
  JSON.stringify(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function sameAttempt(a: LogAttempt, b: LogAttempt): boolean {
  return (
    a.contactId === b.contactId &&
    sameType(a.contactType, b.contactType) &&
    a.subject === b.subject &&
    a.note === b.note &&
    a.durationSeconds === b.durationSeconds &&
    a.result === b.result &&
    sorted(a.additionalSubmission) === sorted(b.additionalSubmission)
  );
}
