import { useEffect, useState } from 'react';
import type { ConnectionSummary } from '../model/connection';
import { send } from '@/platform/ui/messaging';
import { connectionItem, credentialsRejected } from '@/platform/storage/keys';
import type { Loadable } from '@/platform/ui/use-status';

/** The CRM connection as the worker reports it (no secrets). */
export function useConnection(): Loadable<ConnectionSummary | null> {
  const [state, setState] = useState<Loadable<ConnectionSummary | null>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      void send('connection.get').then((reply) => {
        if (!live) return;
        setState(
          reply.ok
            ? { state: 'ready', value: reply.value }
            : { state: 'error', message: reply.error.message },
        );
      });
    load();
    // A lookup from this popup that the CRM refuses (401) is said here at once, as is a fix made
    // in Options meanwhile; the stored values are only used as a signal (they hold credentials).
    const stopConnection = connectionItem.watch(load);
    const stopRejected = credentialsRejected.watch(load);
    return () => {
      live = false;
      stopConnection();
      stopRejected();
    };
  }, []);
  return state;
}
