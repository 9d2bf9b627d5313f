/**
 * callLog.create: creates the placeholder contact first when asked (once, recorded before the
 * log is written), then the call log; once per requestId.
 */
import { isGone } from '@/connectors/shared/earlier-log';
import { collapseName } from '@/connectors/shared/names';
import { CALL_LOGGED } from '@/connectors/shared/outcome';
import type { CreateCallLogArgs, EarlierCallLog } from '@/connectors/types';
import type { Contact, ReturnMessage } from '@/features/lookup/model/contact';
import { ERROR_CODES, type CallLogReply, type CallLogRequest } from '@/platform/messages';
import type { LogAttempt } from '@/platform/storage/keys';
import { argsFor, attemptOf, isAttemptOn, sameAttempt } from './log-attempts';
import { leftOnOthersMessage, removeLogsOnOtherContacts } from './other-contact-logs';
import { RequestError } from '@/platform/worker/request-error';
import {
  loadAccount,
  type Account,
  cacheId,
  removeEntry,
  accountKey,
  toView,
} from '@/features/lookup/worker';
import { createOnce, keepTypedName } from './create';
import { checkNewContact, ownNumberOf, saveCall, writableNumber } from './crm-write';
import type { EngineDeps } from '@/connectors/deps';
import { checkRequestId, logIdsOfOtherSaves, runOnce } from './idempotent';
import { waitForLateWrite } from './late-write';

const RESULTS = ['connected', 'missed', 'voicemail', 'busy'] as const;
const MAX_TEXT = 10_000;

function bad(message: string): never {
  throw new RequestError(ERROR_CODES.badRequest, message);
}

// eslint-disable-next-line complexity -- being split by the saves owner
function checkCall(request: CallLogRequest): void {
  if (request.direction !== 'Inbound' && request.direction !== 'Outbound') {
    bad('The call direction must be Inbound or Outbound.');
  }
  if (!Number.isFinite(request.startTime) || request.startTime <= 0) {
    bad('The call has no valid start time.');
  }
  if (!Number.isFinite(request.durationSeconds) || request.durationSeconds < 0) {
    bad('The call duration must be zero or more seconds.');
  }
  if (!RESULTS.includes(request.result)) {
    bad('The call result must be connected, missed, voicemail or busy.');
  }
  for (const [label, text] of [
    ['subject', request.subject],
    ['note', request.note],
  ] as const) {
    if (typeof text !== 'string') bad(`The ${label} must be text.`);
    if (text.length > MAX_TEXT) bad(`The ${label} is too long: at most ${MAX_TEXT} characters.`);
  }
  const extra: unknown = request.additionalSubmission ?? {};
  if (
    typeof extra !== 'object' ||
    extra === null ||
    Array.isArray(extra) ||
    !Object.values(extra).every((v) => typeof v === 'string' || Number.isFinite(v))
  ) {
    bad('The extra log fields are not readable.');
  }
}

/**
 * How the Save ended: the log's message, or the new contact's when the log has none. A warning
 * about the new contact (it kept an earlier attempt's name) is never dropped for a success.
 */
function withContactWarning(
  logged: ReturnMessage | null,
  contact: ReturnMessage | null,
): ReturnMessage | null {
  if (contact?.messageType !== 'warning') return logged ?? contact;
  const lead = logged?.messageType === 'warning' ? logged.message : 'Call logged.';
  return { message: `${lead} ${contact.message}`, messageType: 'warning', ttl: 8000 };
}

/**
 * A contact found in another CRM account than the one connected now (a window left open while
 * the person switched CRM): its id means nothing here, or someone else.
 */
function checkSameAccount(chosen: CallLogRequest['contact'], account: Account): void {
  if (chosen.kind !== 'existing' || chosen.account === undefined) return;
  if (chosen.account === accountKey(account.scope)) return;
  bad(
    `This contact was found in the CRM connected before, not in ${account.connector.manifest.displayName}. Refresh to look the number up again, then log the call.`,
  );
}

/** The contact to log against: an existing one with an id and a name, or a new one. */
function checkChosen(chosen: unknown): CallLogRequest['contact'] {
  const { kind, id, name } = (chosen ?? {}) as Record<string, unknown>;
  if (kind === 'new') return chosen as CallLogRequest['contact'];
  const hasId = (typeof id === 'string' && id.trim() !== '') || Number.isFinite(id);
  if (kind !== 'existing' || !hasId || typeof name !== 'string') {
    bad('Choose the contact to log the call against.');
  }
  return chosen as CallLogRequest['contact'];
}

export async function createCallLog(
  request: CallLogRequest,
  deps: EngineDeps,
): Promise<CallLogReply> {
  if (!request || typeof request !== 'object' || !request.contact) bad('Nothing to save.');
  const requestId = checkRequestId(request.requestId);
  const account = await loadAccount(deps);
  const e164 = writableNumber(account, request.phoneNumber);
  const ownNumber = ownNumberOf(account, request.ownNumber);
  checkCall(request);
  const chosen = checkChosen(request.contact);
  const newFields =
    chosen.kind === 'new' ? checkNewContact(account, chosen.name, chosen.type) : null;
  const { connector, user, authHeader } = account;

  /**
   * The log an earlier attempt of this Save wrote, if the CRM has it; `outdated` when this
   * attempt says something else. A log of the same call that no attempt wrote (the call was
   * logged on purpose from another form) is never taken for this Save's own, so never replaced.
   */
  async function earlierAttemptLog(
    attempts: readonly LogAttempt[] | undefined,
    args: CreateCallLogArgs,
  ): Promise<EarlierCallLog | null> {
    if (!connector.findCallLog) return null;
    const ask = (asked: CreateCallLogArgs) =>
      saveCall(account, deps, 'callLog', () => connector.findCallLog!(asked), 'read');
    // No attempt recorded: the earlier one stopped before it sent anything.
    if (attempts === undefined) return null;
    const now = attemptOf(args);
    // Newest first; only this contact's (logs left on another are removed once this one is in).
    for (const attempt of [...attempts].reverse()) {
      if (!isAttemptOn(attempt, args.contact)) continue;
      const found = await ask(argsFor(args, attempt));
      if (!found || found.outdated) continue;
      if (sameAttempt(attempt, now)) return { logId: found.logId };
      // To be replaced: only if no other Save got it back (it could say the same by chance).
      if (!(await logIdsOfOtherSaves(requestId)).has(found.logId)) {
        return { ...found, outdated: true };
      }
    }
    return null;
  }

  /**
   * Removes what earlier attempts logged on other contacts, then says how the Save ended: the
   * connector's own message, or a warning naming the contacts where a copy may remain.
   */
  async function finish(
    attempts: readonly LogAttempt[] | undefined,
    args: CreateCallLogArgs,
    logId: string,
    logged: ReturnMessage | null,
  ): Promise<ReturnMessage | null> {
    if (!attempts?.length || !connector.findCallLog || !connector.deleteCallLog) return logged;
    const unsure = await removeLogsOnOtherContacts(
      attempts,
      args,
      {
        // A 404 here: that contact, and its logs with it, are gone.
        find: (asked) =>
          saveCall(
            account,
            deps,
            'callLog',
            () =>
              connector.findCallLog!(asked).catch((error: unknown) => {
                if (isGone(error)) return null;
                throw error;
              }),
            'read',
          ),
        remove: (target) =>
          saveCall(account, deps, 'callLog', () => connector.deleteCallLog!(target)),
      },
      { logId, othersLogs: await logIdsOfOtherSaves(requestId) },
    );
    return unsure.length > 0
      ? leftOnOthersMessage(connector.manifest.displayName, unsure, logged)
      : logged;
  }

  return runOnce(
    'callLog',
    requestId,
    deps.now,
    // eslint-disable-next-line complexity -- being split by the saves owner
    async ({ previous, recordContact, recordAttempt, recordCreateAttempt }) => {
      // Checked for a new attempt only: a finished Save replayed gets its stored result.
      checkSameAccount(chosen, account);
      let contact: Contact;
      let contactMessage: ReturnMessage | null = null;
      if (chosen.kind === 'existing') {
        contact = {
          id: chosen.id,
          name: chosen.name,
          ...(chosen.type ? { type: chosen.type } : {}),
        };
      } else {
        const recorded = previous?.createdContact;
        // Created by an earlier attempt, under the name typed then: renamed if corrected since.
        const created = recorded
          ? collapseName(recorded.name) === newFields!.name
            ? { contact: { ...recorded, phone: e164 }, returnMessage: null }
            : await keepTypedName(account, deps, e164, recorded, newFields!, true)
          : await createOnce(account, deps, e164, newFields!, { previous, recordCreateAttempt });
        contact = created.contact;
        contactMessage = created.returnMessage;
        if (!recorded || recorded.name !== contact.name) {
          await recordContact({
            id: contact.id,
            name: contact.name,
            ...(contact.type ? { type: contact.type } : {}),
          });
        }
      }
      const args: CreateCallLogArgs = {
        user,
        authHeader,
        contact: {
          id: contact.id,
          name: contact.name,
          ...(contact.type ? { type: contact.type } : {}),
        },
        call: {
          direction: request.direction,
          phoneNumber: e164,
          ...(ownNumber ? { ownNumber } : {}),
          startTime: request.startTime,
          durationSeconds: request.durationSeconds,
          result: request.result,
        },
        subject: request.subject,
        note: request.note,
        additionalSubmission: request.additionalSubmission ?? {},
      };
      // A retry (same requestId, earlier attempt unfinished or failed) first asks whether that
      // attempt's log reached the CRM after all: the CRMs take no idempotency key.
      await waitForLateWrite(previous, deps);
      const earlier = previous ? await earlierAttemptLog(previous.logAttempts, args) : null;
      if (earlier && !earlier.outdated) {
        return {
          logId: earlier.logId,
          contact: toView(account, contact),
          returnMessage: await finish(
            previous?.logAttempts,
            args,
            earlier.logId,
            withContactWarning(CALL_LOGGED, contactMessage),
          ),
        };
      }
      // The user changed the log since that attempt (the form keeps everything, inviting edits):
      // the connector saves this content in its place, so no edit is lost and one log remains.
      const write = earlier ? { ...args, replacesLogId: earlier.logId } : args;
      // Recorded once per content: a retry asks the CRM once for each different attempt.
      const attempt = attemptOf(args);
      if (!previous?.logAttempts?.some((earlier) => sameAttempt(earlier, attempt))) {
        await recordAttempt(attempt);
      }
      const logged = await saveCall(account, deps, 'callLog', () =>
        connector.createCallLog(write).catch(async (error: unknown) => {
          // The record is gone (deleted or merged in the CRM): the cached answer that offered
          // it goes too, so looking the number up again asks the CRM instead of offering it again.
          if (chosen.kind === 'existing' && isGone(error)) {
            // Best effort: a storage failure must not replace the CRM's own answer.
            await removeEntry(cacheId(account.scope, e164)).catch(() => undefined);
          }
          throw error;
        }),
      );
      if (!logged || typeof logged.logId !== 'string' || logged.logId === '') {
        throw new RequestError(
          ERROR_CODES.crm,
          `${connector.manifest.displayName} did not save the call log.`,
        );
      }
      return {
        logId: logged.logId,
        contact: toView(account, contact),
        returnMessage: await finish(
          previous?.logAttempts,
          args,
          logged.logId,
          withContactWarning(logged.returnMessage ?? null, contactMessage),
        ),
      };
    },
  );
}
