// No failure says "not found": a failure is never a "no match".
import type { ReturnMessage } from '../model/contact';
import { MAX_RESPONSE_BYTES } from '@/platform/worker/http/client';
import type { CrmFailureKind } from '@/platform/worker/http/errors';

const MAX_RESPONSE_MB = MAX_RESPONSE_BYTES / (1024 * 1024);

const TTL = 5000;

function withDetail(message: ReturnMessage, text: string): ReturnMessage {
  return { ...message, details: [{ title: 'Details', items: [{ id: '1', type: 'text', text }] }] };
}

/** App Connect's default warning (core-contact.md §1.4), naming the number and the CRM. */
export function notFoundMessage(displayNumber: string, crmName: string): ReturnMessage {
  return withDetail(
    { message: 'Contact not found', messageType: 'warning', ttl: TTL },
    `A contact with the phone number ${displayNumber} could not be found in your ${crmName} account.`,
  );
}

export function extensionLookupOffMessage(extension: string): ReturnMessage {
  return withDetail(
    { message: 'Extension numbers are not looked up', messageType: 'warning', ttl: TTL },
    `${extension} is an internal extension. Turn on "Look up internal extension numbers" in Options to search the CRM for it.`,
  );
}

/** `again`: how the person asks again where the message is shown ("press Refresh"). */
type Explain = (crm: string, why: string, again: string) => { message: string; detail: string };

/** `why` is the error's own message; only a connector's refusal is worded by it. */
const FAILURES: Record<CrmFailureKind, Explain> = {
  auth: (crm) => ({
    message: `${crm} rejected the saved credentials`,
    detail: `They may have been revoked or have expired: enter new ones in Options.`,
  }),
  forbidden: (crm) => ({
    message: `${crm} refused access`,
    detail: `Your ${crm} user is not allowed to read contacts. Ask your ${crm} admin for access.`,
  }),
  notFound: (crm) => ({
    message: `The ${crm} domain or API URL looks wrong`,
    detail: `${crm} answered HTTP 404 at that address. Check the domain or API URL in Options.`,
  }),
  badRequest: (crm) => ({
    message: `${crm} refused the request`,
    detail: `${crm} did not accept the search. Check the phone number formats in Options.`,
  }),
  rateLimited: (crm, _why, again) => ({
    message: `${crm} is rate limiting CallPop`,
    detail: `Too many requests were sent to ${crm}. Wait a minute, then ${again}.`,
  }),
  unavailable: (crm, _why, again) => ({
    message: `${crm} is unavailable`,
    detail: `${crm} had a server error. Wait a moment, then ${again}.`,
  }),
  timeout: (crm, _why, again) => ({
    message: `${crm} did not answer in time`,
    detail: `The request to ${crm} timed out. Check your connection, then ${again}.`,
  }),
  network: (crm, _why, again) => ({
    message: `Could not reach ${crm}`,
    detail: `The network request to ${crm} failed. Check that you are online, then ${again}.`,
  }),
  malformed: (crm) => ({
    message: `${crm} sent an answer CallPop cannot read`,
    detail: `The answer from ${crm} was not what its API documents. A proxy or captive portal may be in the way.`,
  }),
  tooLarge: (crm) => ({
    message: `${crm} sent an answer too large to read`,
    detail: `The answer from ${crm} was larger than ${MAX_RESPONSE_MB} MB, the most CallPop reads, so it was not used. A proxy may be in the way, or ${crm} sent far more than was asked for.`,
  }),
  refused: (crm, why) => ({
    message: `Nothing was sent to ${crm}`,
    detail: why || `CallPop could not prepare the request for ${crm}.`,
  }),
};

export function failureMessage(kind: CrmFailureKind, crmName: string, why = ''): ReturnMessage {
  const { message, detail } = FAILURES[kind](crmName, why, 'press Refresh');
  return withDetail({ message, messageType: 'danger', ttl: 8000 }, detail);
}

/** The same failure while cached contacts are shown instead: a warning, not an error. */
export function staleMessage(kind: CrmFailureKind, crmName: string, why = ''): ReturnMessage {
  const failure = failureMessage(kind, crmName, why);
  return {
    ...failure,
    messageType: 'warning',
    message: `${failure.message}; showing the contacts saved earlier`,
  };
}

/** One sentence for a RequestError (create, log, connection test): message plus detail. */
export function failureSentence(
  kind: CrmFailureKind,
  crmName: string,
  why = '',
  again = 'press Refresh',
): string {
  const { message, detail } = FAILURES[kind](crmName, why, again);
  return `${message}. ${detail}`;
}

/** What a Save was writing when it failed: a new contact, or a call log against a record. */
export type SaveTarget = 'contact' | 'callLog';

// `why`: the error's own message (only a connector's refusal is worded by it); `crmText`: the
// CRM's own error text, already cleaned of credentials and cut short.
type SaveFailure = { target: SaveTarget; why?: string; crmText?: string };

// A retried Save first asks the CRM what the earlier attempt saved (saves/worker/create.ts,
// call-log.ts), so the advice after an unclear outcome is to save again.
const SAVE_AGAIN_IS_SAFE = 'Saving again is safe: CallPop first checks what was already saved.';

const said = (crm: string, text: string | undefined) => (text ? ` ${crm} said: "${text}".` : '');
const thing = (target: SaveTarget) => (target === 'contact' ? 'the contact' : 'the call log');
const safe = (text: string) => `${text} ${SAVE_AGAIN_IS_SAFE}`;
const unclear = (what: string, target: SaveTarget, advice = '') =>
  safe(`${what}, so ${thing(target)} may or may not have been saved.${advice}`);

/** Save failures in plain words: what happened to the save, and what to do next. */
const SAVE_FAILURES: Record<CrmFailureKind, (crm: string, failure: SaveFailure) => string> = {
  auth: (crm) =>
    `${crm} rejected the saved credentials, so nothing was saved. Enter new ones in Options, then Save again.`,
  forbidden: (crm, { target, crmText }) =>
    `${crm} refused access: your ${crm} user may not ${target === 'contact' ? 'create contacts' : 'log calls on this record'}.${said(crm, crmText)} Ask your ${crm} admin for access.`,
  notFound: (crm, { target, crmText }) =>
    target === 'callLog'
      ? `${crm} no longer has the record this call was being logged against: it may have been deleted or merged.${said(crm, crmText)} Look the number up again, choose the contact, then Save.`
      : `${crm} answered "not found" to the new contact.${said(crm, crmText)} Check the domain or API URL in Options.`,
  badRequest: (crm, { target, crmText }) =>
    `${crm} refused to save ${thing(target)}${crmText ? `: "${crmText}"` : ''}. Check what you entered, then Save again.`,
  rateLimited: (crm) => safe(`${crm} is rate limiting CallPop. Wait a minute, then Save again.`),
  unavailable: (crm) =>
    safe(`${crm} is unavailable: it had a server error. Save again in a moment.`),
  timeout: (crm, { target }) => unclear(`${crm} did not answer in time`, target),
  network: (crm) => safe(`Could not reach ${crm}. Check that you are online, then Save again.`),
  malformed: (crm, { target }) =>
    unclear(
      `${crm} sent an answer CallPop cannot read`,
      target,
      ' A proxy or captive portal may be in the way.',
    ),
  tooLarge: (crm, { target }) =>
    unclear(`${crm} sent an answer larger than ${MAX_RESPONSE_MB} MB, too large to read`, target),
  refused: (crm, { why }) => failureSentence('refused', crm, why),
};

/** One sentence for a failed Save (contact.create, callLog.create); lookups keep their own. */
export function saveFailureSentence(kind: CrmFailureKind, crmName: string, failure: SaveFailure) {
  return SAVE_FAILURES[kind](crmName, failure);
}
