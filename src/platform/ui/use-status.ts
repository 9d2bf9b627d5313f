import { useCallback, useEffect, useState } from 'react';
import type { Value } from '../messages';
import { send } from './messaging';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

type Asked = 'status.get' | 'connectors.list' | 'connection.get' | 'cache.stats';

/** A request without payload, asked when the page opens, on each `reload` and each new `again`;
 * `show` draws a value the page already has; `what` starts the message of a failure. */
export function useAnswer<N extends Asked>(name: N, what = '', again: unknown = null) {
  const [answer, setAnswer] = useState<Loadable<Value<N>>>({ state: 'loading' });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    void send(name as 'status.get').then((reply) => {
      if (!live) return;
      if (reply.ok) setAnswer({ state: 'ready', value: reply.value });
      else setAnswer({ state: 'error', message: `${what}${reply.error.message}` });
    });
    return () => {
      live = false;
    };
  }, [name, what, asked, again]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  const show = useCallback((value: Value<N>) => setAnswer({ state: 'ready', value }), []);
  return { answer, reload, show };
}
