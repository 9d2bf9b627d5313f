import { useEffect } from 'react';
import { useAnswer } from '@/platform/ui/use-status';
import { connectionItem, credentialsRejected } from '@/platform/storage/keys';

/** The connection (no secrets) as the worker reports it, asked again when the stored one changes. */
export function useConnection() {
  const { answer: connection, reload, show } = useAnswer('connection.get');
  useEffect(() => {
    // The stored connection holds credentials, so it is only a signal (also for a lookup's 401):
    // the summary comes from the worker.
    const stops = [connectionItem.watch(reload), credentialsRejected.watch(reload)];
    return () => stops.forEach((stop) => stop());
  }, [reload]);
  // False while the CRM rejects the saved credentials: lookups and saves could only fail.
  const accepted = connection.state === 'ready' && connection.value?.rejectedAt === undefined;
  return { connection, reload, show, accepted };
}
