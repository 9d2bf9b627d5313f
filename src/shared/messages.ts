/**
 * The one typed contract between extension pages and the service worker. Each request has a
 * name, a payload type and a value type; every reply is a `Reply` envelope because exceptions do
 * not survive chrome.runtime messaging.
 */

export interface ExtensionStatus {
  name: string;
  version: string;
}

export interface Requests {
  'status.get': { payload: undefined; value: ExtensionStatus };
}

export type RequestName = keyof Requests;
export type Payload<N extends RequestName> = Requests[N]['payload'];
export type Value<N extends RequestName> = Requests[N]['value'];

/** Marks our messages so that anything else on the runtime channel is ignored. */
export const CHANNEL = 'callpop/v1';

export interface RequestEnvelope<N extends RequestName = RequestName> {
  channel: typeof CHANNEL;
  name: N;
  payload: Payload<N>;
}

export const ERROR_CODES = {
  forbiddenSender: 'forbidden_sender',
  unknownRequest: 'unknown_request',
  badRequest: 'bad_request',
  notConnected: 'not_connected',
  crm: 'crm_error',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ReplyError {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export function isRequestEnvelope(message: unknown): message is RequestEnvelope {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<RequestEnvelope>;
  return candidate.channel === CHANNEL && typeof candidate.name === 'string';
}

export function envelope<N extends RequestName>(name: N, payload: Payload<N>): RequestEnvelope<N> {
  return { channel: CHANNEL, name, payload };
}
