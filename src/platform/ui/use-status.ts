import { useEffect, useState } from 'react';
import type { ExtensionStatus } from '../messages';
import { send } from './messaging';

export type Loadable<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** The extension's name and version, as the service worker reports them. */
export function useStatus(): Loadable<ExtensionStatus> {
  const [status, setStatus] = useState<Loadable<ExtensionStatus>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void send('status.get').then((reply) => {
      if (!live) return;
      setStatus(
        reply.ok
          ? { state: 'ready', value: reply.value }
          : { state: 'error', message: reply.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return status;
}
