/** The CRM connectors on offer and the current connection (no secrets), kept current. */
import { useCallback, useEffect, useState } from 'react';
import type { ConnectionSummary } from '../model/connection';
import type { ConnectorInfo } from '@/platform/messages';
import { send } from '@/platform/ui/messaging';
import { connectionItem, credentialsRejected } from '@/platform/storage/keys';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export function useConnectors(): Loaded<ConnectorInfo[]> {
  const [connectors, setConnectors] = useState<Loaded<ConnectorInfo[]>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void send('connectors.list').then((reply) => {
      if (!live) return;
      setConnectors(
        reply.ok
          ? { state: 'ready', value: reply.value }
          : {
              state: 'error',
              message: `The list of CRMs could not be loaded: ${reply.error.message}`,
            },
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return connectors;
}

export function useConnection(): {
  connection: Loaded<ConnectionSummary | null>;
  reload: () => void;
  /** Shows a summary the worker just returned (a Connect), without asking again. */
  show: (summary: ConnectionSummary) => void;
} {
  const [connection, setConnection] = useState<Loaded<ConnectionSummary | null>>({
    state: 'loading',
  });
  const reload = useCallback(() => {
    void send('connection.get').then((reply) =>
      setConnection(
        reply.ok
          ? { state: 'ready', value: reply.value }
          : { state: 'error', message: `The connection could not be read: ${reply.error.message}` },
      ),
    );
  }, []);
  const show = useCallback(
    (summary: ConnectionSummary) => setConnection({ state: 'ready', value: summary }),
    [],
  );
  useEffect(() => {
    reload();
    // Connected or disconnected in another tab, or the CRM refused or accepted the credentials
    // again: ask the worker for the summary (the stored connection holds credentials, so the
    // page only uses the change as a signal).
    const stopConnection = connectionItem.watch(() => reload());
    const stopRejected = credentialsRejected.watch(() => reload());
    return () => {
      stopConnection();
      stopRejected();
    };
  }, [reload]);
  return { connection, reload, show };
}
