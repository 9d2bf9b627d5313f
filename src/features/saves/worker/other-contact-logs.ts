/**
 * A retried Save whose contact was changed: an earlier attempt may have logged the call against
 * another contact after all (the CRM stored it, then the answer timed out). Once the call is
 * logged against the contact chosen last, each such log is looked for and removed, so the call
 * keeps one log, where the user put it. Only a log that says exactly what that attempt sent is
 * removed, and never one another Save got back as its own.
 */
import type { ReturnMessage } from '@/features/lookup/model/contact';
import type { CreateCallLogArgs, Connector, DeleteCallLogArgs } from '@/connectors/types';
import type { LogAttempt } from '@/platform/storage/keys';
import { argsFor, isAttemptOn } from './log-attempts';

export interface OtherContactCrm {
  /** The attempt's log, or null (none, or the contact itself is gone). */
  find: NonNullable<Connector['findCallLog']>;
  remove: NonNullable<Connector['deleteCallLog']>;
}

export interface LogsKept {
  /** The log this Save ended with, never removed. */
  logId: string;
  /** Logs other Saves got back (engine/idempotent.ts `logIdsOfOtherSaves`). */
  othersLogs: ReadonlySet<string>;
}

/**
 * Removes the logs earlier attempts left on other contacts; answers the names of the contacts
 * where one may remain (the CRM could not be asked, or refused the delete).
 */
export async function removeLogsOnOtherContacts(
  attempts: readonly LogAttempt[],
  args: CreateCallLogArgs,
  crm: OtherContactCrm,
  keep: LogsKept,
): Promise<string[]> {
  const unsure = new Map<string, string>();
  for (const attempt of attempts) {
    if (isAttemptOn(attempt, args.contact)) continue;
    const asked = argsFor(args, attempt);
    const key = `${attempt.contactType ?? ''}:${attempt.contactId}`;
    try {
      const found = await crm.find(asked);
      // Not this attempt's log (or none), this Save's own, or another Save's.
      if (!found || found.outdated) continue;
      if (found.logId === keep.logId || keep.othersLogs.has(found.logId)) continue;
      const target: DeleteCallLogArgs = {
        user: args.user,
        authHeader: args.authHeader,
        logId: found.logId,
        contact: asked.contact,
      };
      await crm.remove(target);
    } catch {
      unsure.set(key, attempt.contactName || 'another contact');
    }
  }
  return [...unsure.values()];
}

/**
 * The warning after a Save that may have left an earlier attempt's log on other contacts,
 * after the connector's own warning when it gave one.
 */
export function leftOnOthersMessage(
  crmName: string,
  names: readonly string[],
  logged: ReturnMessage | null | undefined,
): ReturnMessage {
  const lead = logged?.messageType === 'warning' ? logged.message : 'Call logged.';
  return {
    message: `${lead} An earlier attempt of this Save may also have logged the call against ${names.join(', ')}, and CallPop could not check or remove it: look in ${crmName} and delete any copy there.`,
    messageType: 'warning',
    ttl: 8000,
  };
}
