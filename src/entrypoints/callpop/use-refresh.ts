/** Refresh: the worker asks the CRM again and keeps the answer in the call, which this view watches. */
import { useState } from 'react';
import { lookupToast } from '@/features/lookup/model/lookup-problem';
import type { CallSession } from '@/platform/storage/keys';
import { send } from '@/platform/ui/messaging';
import type { Toasts } from '@/platform/ui/toast';

export function useRefresh(toasts: Toasts) {
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function refresh(call: CallSession) {
    setRefreshing(true);
    setError(null);
    const reply = await send('call.refresh', { sessionId: call.sessionId });
    setRefreshing(false);
    if (reply.ok) toasts.show(lookupToast(reply.value));
    else setError(`Refresh failed: ${reply.error.message}`);
  }

  return { refreshing, error, refresh };
}
