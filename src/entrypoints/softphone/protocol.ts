// The Embeddable host protocol CallPop speaks, checked field by field (from a cross-origin frame).

import { MAX_PHONE_INPUT_LENGTH } from '@/features/lookup/model/phone';
import { isRecord } from '@/platform/is-record';

export const MATCH_PATH = '/contacts/match';
export const VIEW_PATH = '/contacts/view';

/** The notices that carry a call: the webphone session (ring, end), presence, telephony session. */
export type CallNotice =
  | 'rc-call-ring-notify'
  | 'rc-call-end-notify'
  | 'rc-active-call-notify'
  | 'rc-telephony-session-notify';

export type WidgetMessage =
  | { type: 'rc-adapter-pushAdapterState' }
  | { type: 'rc-login-status-notify'; country: string }
  | { type: 'rc-post-message-request'; requestId: string; path: string; body: unknown }
  | { type: CallNotice; call: Record<string, unknown> };

const countryCode = (code: unknown) =>
  typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : '';

export function parseWidgetMessage(data: unknown): WidgetMessage | null {
  if (!isRecord(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'rc-adapter-pushAdapterState':
      return { type: data.type };
    case 'rc-login-status-notify':
      return { type: data.type, country: countryCode(data.contractedCountryCode) };
    case 'rc-post-message-request':
      if (typeof data.requestId !== 'string' || data.requestId === '') return null;
      if (typeof data.path !== 'string') return null;
      return { type: data.type, requestId: data.requestId, path: data.path, body: data.body };
    case 'rc-telephony-session-notify':
      return isRecord(data.telephonySession)
        ? { type: data.type, call: data.telephonySession }
        : null;
    case 'rc-active-call-notify':
    case 'rc-call-ring-notify':
    case 'rc-call-end-notify':
      return isRecord(data.call) ? { type: data.type, call: data.call } : null;
    default:
      return null;
  }
}

/** Embeddable asks for up to a few hundred numbers at once; more is not a real widget. */
export const MAX_MATCH_NUMBERS = 1000;

/** `/contacts/match` body: E.164 numbers, and `triggerFrom: 'manual'` for a Refresh; `skipped`:
 * entries longer than any phone number, left out (no name, nor an echoed key). */
export function parseMatchBody(body: unknown) {
  if (!isRecord(body) || !Array.isArray(body.phoneNumbers)) {
    return 'The contact match request has no phoneNumbers list.';
  }
  const given = body.phoneNumbers.filter(
    (n): n is string => typeof n === 'string' && n.trim() !== '',
  );
  if (given.length > MAX_MATCH_NUMBERS) {
    return `The contact match request has ${given.length} numbers; at most ${MAX_MATCH_NUMBERS} are matched at once.`;
  }
  // A compromised softphone could send megabytes of "numbers" to be echoed back as keys: those
  // (trimmed or whole, padding included) are left out, the rest is still answered.
  const phoneNumbers = given.filter(
    (n) => n.trim().length <= MAX_PHONE_INPUT_LENGTH && n.length <= 2 * MAX_PHONE_INPUT_LENGTH,
  );
  return {
    phoneNumbers: [...new Set(phoneNumbers)],
    force: body.triggerFrom === 'manual',
    skipped: given.length - phoneNumbers.length,
  };
}

/** `/contacts/view` body: the contact Embeddable shows, with its id and first phone number. */
export function parseViewBody(body: unknown): { id: string; phoneNumber: string } | string {
  if (!isRecord(body) || (typeof body.id !== 'string' && typeof body.id !== 'number')) {
    return 'The contact to view has no id.';
  }
  const numbers = Array.isArray(body.phoneNumbers) ? body.phoneNumbers : [];
  const first: unknown = numbers.find(
    (n) => isRecord(n) && typeof n.phoneNumber === 'string' && n.phoneNumber !== '',
  );
  if (!isRecord(first) || typeof first.phoneNumber !== 'string') {
    return 'The contact to view has no phone number.';
  }
  return { id: String(body.id), phoneNumber: first.phoneNumber };
}

export function responseMessage(requestId: string, response: unknown) {
  return { type: 'rc-post-message-response', responseId: requestId, response } as const;
}
