import { callsHandlers, forgetEndedCalls } from '@/features/calls/worker';
import { connectionHandlers } from '@/features/connection/worker';
import { lookupHandlers } from '@/features/lookup/worker';
import { forgetSaves, isFinished, savesHandlers } from '@/features/saves/worker';
import type { HandlerTable } from '@/platform/worker/listener';

export const handlers: HandlerTable = {
  'status.get': () => {
    const manifest = chrome.runtime.getManifest();
    return { name: manifest.name, version: manifest.version_name ?? manifest.version };
  },
  ...connectionHandlers,
  ...lookupHandlers,
  ...savesHandlers,
  ...callsHandlers,
  // Clear cache also frees session space: finished Saves' records and ended calls.
  'cache.clear': async () => {
    const cleared = await lookupHandlers['cache.clear']();
    await Promise.all([forgetSaves(isFinished), forgetEndedCalls()]);
    return cleared;
  },
};
