import { callsHandlers, forgetEndedCalls, keptInCall } from '@/features/calls/worker';
import { connectionHandlers } from '@/features/connection/worker';
import { lookupHandlers } from '@/features/lookup/worker';
import { forgetSaves, isFinished, savesHandlers } from '@/features/saves/worker';
import type { LookupResult } from '@/platform/messages';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { updateBadge } from './badge';

/** The toolbar badge follows each lookup's answer (badge.ts); a call's, once its event is done. */
async function badged<T>(work: Promise<T>, result?: (value: T) => LookupResult): Promise<T> {
  const value = await work;
  inBackground('the toolbar badge', updateBadge(result?.(value)));
  return value;
}

export const handlers: HandlerTable = {
  'status.get': () => {
    const manifest = chrome.runtime.getManifest();
    return { name: manifest.name, version: manifest.version_name ?? manifest.version };
  },
  ...connectionHandlers,
  ...lookupHandlers,
  ...savesHandlers,
  ...callsHandlers,
  'contact.lookup': (payload) => badged(lookupHandlers['contact.lookup'](payload), (r) => r),
  'call.refresh': (payload) => badged(callsHandlers['call.refresh'](payload), (r) => r),
  'call.event': (payload) => badged(callsHandlers['call.event'](payload)),
  // The call's window shows the contact the number was added to, or the pick first.
  'contact.addNumber': (payload) =>
    keptInCall(payload, () => lookupHandlers['contact.addNumber'](payload)),
  'contact.pick': (payload) => keptInCall(payload, () => lookupHandlers['contact.pick'](payload)),
  // Clear cache also frees session space: finished Saves' records and ended calls.
  'cache.clear': async () => {
    const cleared = await lookupHandlers['cache.clear']();
    await Promise.all([forgetSaves(isFinished), forgetEndedCalls()]);
    return cleared;
  },
};
