/**
 * Refresh: looks the call's number up again past the cache, and keeps the fresher answer in the
 * call, where every view of it (this window's too) picks it up.
 */
import { useState } from 'react';
import { lookupToast } from '@/features/lookup/model/lookup-problem';
import type { CallSession } from '@/platform/storage/keys';
import { request, send } from '@/platform/ui/messaging';
import type { Toasts } from '@/platform/ui/toast';

export function useRefresh(toasts: Toasts) {
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function refresh(call: CallSession) {
    setRefreshing(true);
    setError(null);
    const reply = await send('contact.lookup', { phoneNumber: call.phoneNumber, force: true });
    setRefreshing(false);
    if (!reply.ok) {
      setError(`Refresh failed: ${reply.error.message}`);
      return;
    }
    toasts.show(lookupToast(reply.value));
    try {
      // The worker writes it under the lock its own writes of the call take: neither is lost.
      await request('call.saveLookup', { sessionId: call.sessionId, result: reply.value });
    } catch (failure) {
      const reason = failure instanceof Error ? failure.message : String(failure);
      setError(`The new answer could not be kept with this call: ${reason}`);
    }
  }

  return { refreshing, error, refresh };
}
