import { useEffect, useState } from 'react';
import type { Reply, Value } from '../messages';
import { send } from './messaging';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** A worker reply as page state; `what` names what failed to load in the message. */
export function loadable<T>(reply: Reply<T>, what = ''): Loadable<T> {
  return reply.ok
    ? { state: 'ready', value: reply.value }
    : { state: 'error', message: `${what}${reply.error.message}` };
}

/** A request without payload, asked once when the page opens. */
export function useAnswer<N extends 'status.get' | 'connectors.list'>(
  name: N,
  what = '',
): Loadable<Value<N>> {
  const [answer, setAnswer] = useState<Loadable<Value<N>>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void send(name as 'status.get').then((reply) => {
      if (live) setAnswer(loadable(reply as Reply<Value<N>>, what));
    });
    return () => {
      live = false;
    };
  }, [name, what]);
  return answer;
}

/** The extension's name and version, as the service worker reports them. */
export const useStatus = () => useAnswer('status.get');
