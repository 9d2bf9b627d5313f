import {
  ERROR_CODES,
  envelope,
  failure,
  type Payload,
  type Reply,
  type RequestName,
  type Value,
} from '../messages';
import { messageOf } from '../message-of';

/** Thrown by `request` when the service worker answers `{ ok: false }`. */
export class RequestFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestFailed';
  }
}

/** Sends a typed request to the service worker and returns its reply envelope. */
export async function send<N extends RequestName>(
  name: N,
  ...[payload]: Payload<N> extends undefined ? [payload?: undefined] : [payload: Payload<N>]
): Promise<Reply<Value<N>>> {
  try {
    const reply: Reply<Value<N>> | undefined = await chrome.runtime.sendMessage(
      envelope(name, payload as Payload<N>),
    );
    return reply ?? failure(ERROR_CODES.internal, 'CallPop did not answer. Try again.');
  } catch (error) {
    return failure(ERROR_CODES.internal, `CallPop could not be reached: ${messageOf(error)}`);
  }
}

/** Like `send`, but returns the value and throws `RequestFailed` on an error reply. */
export async function request<N extends RequestName>(
  name: N,
  ...args: Payload<N> extends undefined ? [payload?: undefined] : [payload: Payload<N>]
): Promise<Value<N>> {
  const reply = await send(name, ...args);
  if (!reply.ok) throw new RequestFailed(reply.error.code, reply.error.message);
  return reply.value;
}
