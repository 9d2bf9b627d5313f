import { useEffect, useState } from 'react';
import type { ConnectionSummary } from '@/shared/connection';
import { send } from '@/shared/messaging';
import type { Loadable } from '@/shared/ui/use-status';

/** The CRM connection as the worker reports it (no secrets). */
export function useConnection(): Loadable<ConnectionSummary | null> {
  const [state, setState] = useState<Loadable<ConnectionSummary | null>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void send('connection.get').then((reply) => {
      if (!live) return;
      setState(
        reply.ok
          ? { state: 'ready', value: reply.value }
          : { state: 'error', message: reply.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
