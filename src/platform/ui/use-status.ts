import { useEffect, useState } from 'react';
import type { ExtensionStatus, Reply } from '../messages';
import { send } from './messaging';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** A worker reply as page state; `what` names what failed to load in the message. */
export function loadable<T>(reply: Reply<T>, what = ''): Loadable<T> {
  return reply.ok
    ? { state: 'ready', value: reply.value }
    : { state: 'error', message: `${what}${reply.error.message}` };
}

/** The extension's name and version, as the service worker reports them. */
export function useStatus(): Loadable<ExtensionStatus> {
  const [status, setStatus] = useState<Loadable<ExtensionStatus>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void send('status.get').then((reply) => {
      if (!live) return;
      setStatus(loadable(reply));
    });
    return () => {
      live = false;
    };
  }, []);
  return status;
}
