import {
  ERROR_CODES,
  failure,
  isRequestEnvelope,
  type Payload,
  type Reply,
  type RequestName,
  type Value,
} from '../messages';
import { errorText } from './report';
import { RequestError } from './request-error';

/** Only this extension's own pages may talk to the worker; any other origin is refused. */
function isTrustedSender({ id, origin, url }: chrome.runtime.MessageSender): boolean {
  // Built by hand: URL.origin is "null" for non-special schemes outside the browser.
  const ownBase = chrome.runtime.getURL('/');
  if (id !== chrome.runtime.id) return false;
  return origin !== undefined ? origin === ownBase.slice(0, -1) : !!url?.startsWith(ownBase);
}

type Handler<N extends RequestName> = (
  payload: Payload<N>,
  sender: chrome.runtime.MessageSender,
) => Promise<Value<N>> | Value<N>;

/** Every request of the contract must have a handler: the type makes a missing one an error. */
export type HandlerTable = { [N in RequestName]: Handler<N> };

async function dispatch(
  handlers: HandlerTable,
  message: unknown,
  sender: chrome.runtime.MessageSender,
): Promise<Reply<unknown>> {
  if (!isTrustedSender(sender)) {
    return failure(ERROR_CODES.forbiddenSender, 'Sender is not part of CallPop.');
  }
  if (!isRequestEnvelope(message) || !Object.hasOwn(handlers, message.name)) {
    return failure(ERROR_CODES.unknownRequest, 'Unknown request.');
  }
  // The envelope's name picks the handler; its payload is validated by the handler itself.
  const handler = handlers[message.name] as Handler<RequestName>;
  try {
    return { ok: true, value: await handler(message.payload, sender) };
  } catch (error) {
    if (error instanceof RequestError) {
      return failure(error.code, error.message, error.outcomeUnclear);
    }
    console.error(`CallPop: ${message.name} failed: ${errorText(error)}`);
    return failure(ERROR_CODES.internal, 'Something went wrong inside CallPop.');
  }
}

/** The runtime.onMessage listener: answers our envelopes asynchronously, ignores the rest. */
export function createMessageListener(handlers: HandlerTable) {
  return (
    message: unknown,
    sender: chrome.runtime.MessageSender,
    sendResponse: (reply: Reply<unknown>) => void,
  ): boolean => {
    if (!isRequestEnvelope(message)) return false;
    void dispatch(handlers, message, sender).then(sendResponse);
    return true; // keeps the channel open for the async reply
  };
}
