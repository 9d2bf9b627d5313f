/** The current connection (no secrets), kept current. */
import { useCallback, useEffect, useState } from 'react';
import type { ConnectionSummary } from '../model/connection';
import { send } from '@/platform/ui/messaging';
import { loadable, type Loadable } from '@/platform/ui/use-status';
import { connectionItem, credentialsRejected } from '@/platform/storage/keys';

/** The connection as the worker reports it; an error message says what went wrong only. `show`
 * draws a summary the worker just returned (a Connect) without asking again. */
export function useConnection() {
  const [connection, setConnection] = useState<Loadable<ConnectionSummary | null>>({
    state: 'loading',
  });
  const reload = useCallback(() => {
    void send('connection.get').then((reply) => setConnection(loadable(reply)));
  }, []);
  const show = useCallback(
    (summary: ConnectionSummary) => setConnection({ state: 'ready', value: summary }),
    [],
  );
  useEffect(() => {
    reload();
    // The stored connection holds credentials, so it is only a signal (also for a lookup's 401):
    // the summary comes from the worker.
    const stops = [connectionItem.watch(reload), credentialsRejected.watch(reload)];
    return () => stops.forEach((stop) => stop());
  }, [reload]);
  return { connection, reload, show };
}
