import { useCallback, useEffect, useState } from 'react';
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

/** A request without payload, asked when the page opens and on each `reload`; `show` draws a
 * value the page already has. */
export function useAnswer<N extends 'status.get' | 'connectors.list' | 'connection.get'>(
  name: N,
  what = '',
) {
  const [answer, setAnswer] = useState<Loadable<Value<N>>>({ state: 'loading' });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    void send(name as 'status.get').then((reply) => {
      if (live) setAnswer(loadable(reply as Reply<Value<N>>, what));
    });
    return () => {
      live = false;
    };
  }, [name, what, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  const show = useCallback((value: Value<N>) => setAnswer({ state: 'ready', value }), []);
  return { answer, reload, show };
}

/** The extension's name and version, as the service worker reports them. */
export const useStatus = () => useAnswer('status.get').answer;
