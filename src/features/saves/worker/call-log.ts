/** callLog.create: placeholder contact first if asked (recorded before the log), then the log. */
import { isGone, isRecord } from '@/connectors/shared/guards';
import type { CreateCallLogArgs } from '@/connectors/types';
import type { Contact } from '@/features/lookup/model/contact';
import { ERROR_CODES, type CallLogReply, type CallLogRequest } from '@/platform/messages';
import { matchCache } from '@/platform/storage/keys';
import { badRequest as bad, RequestError } from '@/platform/worker/request-error';
import {
  loadAccount,
  type Account,
  cacheId,
  accountKey,
  toView,
  pickIfShared,
} from '@/features/lookup/worker';
import { createOnce } from './create';
import { checkNewContact, contactRef, ownNumberOf, saveCall, writableNumber } from './crm-write';
import type { EngineDeps } from '@/connectors/deps';
import { checkRequestId, runOnce, type SaveStep } from './idempotent';
import { retryOf, settle, watchLateCopies } from './retry-check';

const RESULTS = ['connected', 'missed', 'voicemail', 'busy'] as const;
const MAX_TEXT = 10_000;

function checkText(label: string, text: unknown): void {
  if (typeof text !== 'string') bad(`The ${label} must be text.`);
  if (text.length > MAX_TEXT) bad(`The ${label} is too long: at most ${MAX_TEXT} characters.`);
}

function checkExtra(extra: unknown): void {
  const readable =
    isRecord(extra) &&
    Object.values(extra).every((v) => typeof v === 'string' || Number.isFinite(v));
  if (!readable) bad('The extra log fields are not readable.');
}

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
  checkText('subject', request.subject);
  checkText('note', request.note);
  checkExtra(request.additionalSubmission ?? {});
}

/** A contact from another CRM account (CRM switched): its id means nothing here, or another one. */
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

/** The contact to log against: the chosen one, or the new one (made once per Save). */
async function contactFor(
  account: Account,
  deps: EngineDeps,
  request: CallLogRequest,
  e164: string,
  step: SaveStep,
): Promise<Contact> {
  const chosen = request.contact;
  if (chosen.kind === 'existing') return contactRef(chosen);
  const recorded = step.previous?.createdContact;
  if (recorded) return { ...recorded, phone: e164 };
  const fields = checkNewContact(account, chosen.name, chosen.type);
  const contact = await createOnce(account, deps, e164, fields, retryOf(request, step, deps.now()));
  await step.recordContact(contactRef(contact));
  return contact;
}

function logArgs(
  account: Account,
  request: CallLogRequest,
  e164: string,
  contact: Contact,
): CreateCallLogArgs {
  const ownNumber = ownNumberOf(account, request.ownNumber);
  return {
    user: account.user,
    authHeader: account.authHeader,
    contact: contactRef(contact),
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
}

/** Writes the log; a contact the CRM no longer has leaves the cache too. */
async function writeLog(
  account: Account,
  deps: EngineDeps,
  args: CreateCallLogArgs,
  existing: boolean,
  e164: string,
) {
  const { connector } = account;
  const logged = await saveCall(account, deps, 'callLog', () =>
    connector.createCallLog(args).catch(async (error: unknown) => {
      // Gone from the CRM (deleted, merged): drop the cached answer that offered it.
      if (existing && isGone(error)) {
        // Best effort: a storage failure must not replace the CRM's own answer.
        await matchCache.remove(cacheId(account.scope, e164)).catch(() => undefined);
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
  return { logId: logged.logId, returnMessage: logged.returnMessage ?? null };
}

export async function createCallLog(
  request: CallLogRequest,
  deps: EngineDeps,
): Promise<CallLogReply> {
  if (!request || typeof request !== 'object' || !request.contact) bad('Nothing to save.');
  const requestId = checkRequestId(request.requestId);
  const account = await loadAccount(deps);
  const e164 = writableNumber(account, request.phoneNumber);
  checkCall(request);
  const chosen = checkChosen(request.contact);
  if (chosen.kind === 'new') checkNewContact(account, chosen.name, chosen.type);

  return runOnce('callLog', requestId, deps.now, async (step) => {
    // Checked for a new attempt only: a finished Save replayed gets its stored result.
    checkSameAccount(chosen, account);
    const contact = await contactFor(account, deps, request, e164, step);
    const args = logArgs(account, request, e164, contact);
    const save = { kind: 'callLog', args } as const;
    const retry = retryOf(request, step, deps.now());
    const earlier = retry ? await settle(account, deps, save, retry.since) : null;
    const logged = earlier
      ? { logId: earlier, returnMessage: null }
      : await writeLog(account, deps, args, chosen.kind === 'existing', e164);
    if (retry) watchLateCopies(account, deps, save, retry.since, logged.logId);
    // Logged against one of the number's several contacts: it comes first on its next calls.
    const picked = chosen.kind === 'existing' && (await pickIfShared(account, e164, contact));
    return {
      logId: logged.logId,
      contact: { ...toView(account, contact), ...(picked ? { chosenBefore: true } : {}) },
      returnMessage: logged.returnMessage,
    };
  });
}
