import type { RequestName } from '@/shared/messages';
import type { Handler } from '../messages';
import { RequestError } from '../request-error';

/**
 * Placeholder for a request whose handler is being built in parallel. Must not survive to a
 * release: a unit test fails while any handler is still `notYet`.
 */
export const NOT_YET = Symbol('notYet');

export function notYet<N extends RequestName>(name: N): Handler<N> {
  const handler: Handler<N> = () => {
    throw new RequestError('internal', `${name} is not available yet.`);
  };
  return Object.assign(handler, { [NOT_YET]: true });
}
