// Host side of the Embeddable protocol. Stateless: the worker de-duplicates calls by their
// telephony session id, so a reloaded page or a repeated notice never pops twice.
import type { Payload, RequestName, Value } from '@/platform/messages';
import type { Settings } from '@/features/settings/model/settings';
import { sleep } from '@/platform/sleep';
import { httpUrl } from '@/platform/url-template';
import { messageOf } from '@/platform/message-of';
import {
  MATCH_PATH,
  VIEW_PATH,
  parseViewBody,
  responseMessage,
  type WidgetMessage,
} from './protocol';
import { RESEND_DELAYS_MS, isTransportFailure, withResend } from './resend';
import { registrationMessage, toCallEvent } from './translate';
import { answerMatch } from './widget-match';

export type Requester = <N extends RequestName>(name: N, payload: Payload<N>) => Promise<Value<N>>;

export interface BridgeDeps {
  request: Requester;
  settings: () => Promise<Settings>;
  /** Posts to the softphone frame, at its configured origin only. */
  post: (message: unknown) => void;
  /** Opens a CRM page in a new tab (already checked to be http(s)). */
  openUrl: (url: string) => Promise<void>;
  report: (message: string, kind: 'info' | 'error') => void;
  /** Resolves after `ms` (tests pass their own clock). */
  wait?: (ms: number) => Promise<void>;
}

/** Registers CallPop as the widget's contact service, or says to connect a CRM. */
export async function register(deps: BridgeDeps): Promise<void> {
  const [connection, settings] = await Promise.all([
    deps.request('connection.get', undefined),
    deps.settings(),
  ]);
  if (!connection) {
    return deps.report('Connect a CRM in CallPop options to see caller names here.', 'info');
  }
  deps.post(registrationMessage(connection, settings));
  deps.report(`Matching callers in ${connection.displayName}.`, 'info');
}

async function viewContact(deps: BridgeDeps, body: unknown): Promise<void> {
  const parsed = parseViewBody(body);
  if (typeof parsed === 'string') return deps.report(parsed, 'error');
  try {
    const result = await withResend(
      () => deps.request('contact.lookup', { phoneNumber: parsed.phoneNumber }),
      deps.wait ?? sleep,
    );
    const contact = result.contacts.find((c) => String(c.id) === parsed.id);
    // The engine answers a CRM it could not ask as source 'none' with the reason.
    const problem = result.source === 'none' ? result.returnMessage?.message : undefined;
    if (!contact && problem) {
      return deps.report(`The contact page could not be opened: ${problem}`, 'error');
    }
    if (!contact) return deps.report('That contact is no longer in the CRM.', 'error');
    const page = contact.pageUrl ? httpUrl(contact.pageUrl) : null;
    if (!page) return deps.report(`${contact.name} has no CRM page CallPop can open.`, 'error');
    await deps.openUrl(page);
  } catch (error) {
    deps.report(`The contact page could not be opened: ${messageOf(error)}`, 'error');
  }
}

async function answerRequest(
  deps: BridgeDeps,
  message: Extract<WidgetMessage, { type: 'rc-post-message-request' }>,
): Promise<void> {
  if (message.path === MATCH_PATH) {
    return deps.post(responseMessage(message.requestId, await answerMatch(deps, message.body)));
  }
  // Other paths get a quick 'ok' (as App Connect does); /contacts/view too, since the widget
  // waits 3 s for it: the CRM page opens after.
  deps.post(responseMessage(message.requestId, { data: 'ok' }));
  if (message.path === VIEW_PATH) await viewContact(deps, message.body);
}

async function forwardCall(
  deps: BridgeDeps,
  message: Extract<WidgetMessage, { call: unknown }>,
): Promise<void> {
  const translated = toCallEvent(message.type, message.call);
  if ('ignored' in translated) {
    if (translated.tell) deps.report(translated.ignored, 'info');
    return;
  }
  try {
    const send = () => deps.request('call.event', translated.event);
    const reply = await withResend(send, deps.wait ?? sleep);
    if (reply.tell) deps.report(reply.reason, 'info');
  } catch (error) {
    // Not a transport failure: the worker's own words, and sending again gets the same answer.
    deps.report(
      isTransportFailure(error)
        ? `Call pop failed: CallPop did not answer, even after ${RESEND_DELAYS_MS.length + 1} tries; it tries again on the call's next event.`
        : `Call pop failed: ${messageOf(error)}`,
      'error',
    );
  }
}

/** Handles one validated widget message (the caller has checked its source and origin). */
export async function handleWidgetMessage(deps: BridgeDeps, message: WidgetMessage): Promise<void> {
  try {
    switch (message.type) {
      case 'rc-adapter-pushAdapterState':
        return await register(deps);
      case 'rc-post-message-request':
        return await answerRequest(deps, message);
      case 'rc-login-status-notify':
        return; // the page keeps the account's country
      default:
        return await forwardCall(deps, message);
    }
  } catch (error) {
    deps.report(`The softphone bridge hit a problem: ${messageOf(error)}`, 'error');
  }
}
