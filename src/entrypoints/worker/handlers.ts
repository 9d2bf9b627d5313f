import {
  callOfSave,
  callsHandlers,
  forgetEndedCalls,
  recordCreated,
} from '@/features/calls/worker';
import { connectionHandlers } from '@/features/connection/worker';
import { lookupHandlers } from '@/features/lookup/worker';
import { forgetSaves, isFinished, savesHandlers } from '@/features/saves/worker';
import type { ContactView, LookupResult } from '@/platform/messages';
import type { HandlerTable } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { updateBadge } from './badge';

/** The toolbar badge follows each lookup's answer (badge.ts); a call's, once its event is done. */
async function badged<T>(work: Promise<T>, result?: (value: T) => LookupResult): Promise<T> {
  const value = await work;
  inBackground('the toolbar badge', updateBadge(result?.(value)));
  return value;
}

async function inCall<P, T extends { contact: ContactView }>(
  payload: P,
  run: (p: P) => Promise<T>,
) {
  const callSessionId = callOfSave(payload);
  const reply = await run(payload);
  if (callSessionId) await recordCreated(callSessionId, { ...reply, returnMessage: null });
  return reply;
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
  'contact.addNumber': (payload) => inCall(payload, lookupHandlers['contact.addNumber']),
  'contact.pick': (payload) => inCall(payload, lookupHandlers['contact.pick']),
  // Clear cache also frees session space: finished Saves' records and ended calls.
  'cache.clear': async () => {
    const cleared = await lookupHandlers['cache.clear']();
    await Promise.all([forgetSaves(isFinished), forgetEndedCalls()]);
    return cleared;
  },
};
