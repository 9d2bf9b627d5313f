/**
 * A retried Save whose contact was changed: an earlier attempt may have logged the call against
 * the first contact after all (the CRM stored it, then the answer timed out). Once the call is
 * logged against the contact chosen last, each such log is looked for and removed, so the call
 * keeps one log, where the user put it. Only a log that says exactly what that attempt sent is
 * removed: one the user wrote on purpose from another form is never touched.
 */
import type { ReturnMessage } from '@/shared/contact';
import type { CreateCallLogArgs, Connector, DeleteCallLogArgs } from '@/connectors/types';
import type { LogAttempt } from '@/shared/storage/keys';
import { argsFor, isAttemptOn } from './log-attempts';

export interface OtherContactCrm {
  find: NonNullable<Connector['findCallLog']>;
  remove: NonNullable<Connector['deleteCallLog']>;
}

/** What is left on other contacts: nothing, or the names of those whose logs may remain. */
export type LeftOnOthers = { kept: string[] };

/** The attempts made on other contacts: each is asked for once (its own content). */
function attemptsOnOthers(
  attempts: readonly LogAttempt[],
  contact: CreateCallLogArgs['contact'],
): LogAttempt[] {
  return attempts.filter((attempt) => !isAttemptOn(attempt, contact));
}

export async function removeLogsOnOtherContacts(
  attempts: readonly LogAttempt[] | undefined,
  args: CreateCallLogArgs,
  crm: OtherContactCrm,
): Promise<LeftOnOthers> {
  const kept = new Set<string>();
  for (const attempt of attemptsOnOthers(attempts ?? [], args.contact)) {
    const asked = argsFor(args, attempt);
    const name = attempt.contactName || 'another contact';
    try {
      const found = await crm.find(asked);
      if (!found || found.outdated) continue; // not this attempt's log, or none
      const target: DeleteCallLogArgs = {
        user: args.user,
        authHeader: args.authHeader,
        logId: found.logId,
        contact: asked.contact,
      };
      await crm.remove(target);
    } catch {
      // Not found out or not removed: the person is told to look (see leftOnOthersMessage).
      kept.add(name);
    }
  }
  return { kept: [...kept] };
}

/** The warning after a Save that may have left an earlier attempt's log on another contact. */
export function leftOnOthersMessage(crmName: string, kept: readonly string[]): ReturnMessage {
  return {
    message: `Call logged. An earlier attempt of this Save may also have logged it against ${kept.join(', ')}, and CallPop could not remove that copy: check in ${crmName} and delete it there.`,
    messageType: 'warning',
    ttl: 8000,
  };
}
