import { handleCallEvent } from '@/features/calls/worker/call-event';
import { handleSaveLookup } from '@/features/calls/worker/call-record';
import { handleShowCall } from '@/features/calls/worker/show-call';
import type { HandlerTable } from '@/platform/worker/listener';
import { cacheClearHandler, cacheStatsHandler } from '@/features/lookup/worker/cache-handlers';
import { callLogHandler } from '@/features/saves/worker/call-log-handler';
import {
  disconnectHandler,
  getConnectionHandler,
  saveConnectionHandler,
  testConnectionHandler,
} from '@/features/connection/worker/handlers';
import { listConnectors } from '@/features/connection/worker/connectors-handler';
import {
  createContactHandler,
  logFieldsHandler,
  lookupHandler,
  lookupManyHandler,
} from '@/features/lookup/worker/contact-handlers';
import { getStatus } from './status';

export const handlers: HandlerTable = {
  'status.get': getStatus,
  'connectors.list': listConnectors,
  'connection.get': getConnectionHandler,
  'connection.test': testConnectionHandler,
  'connection.save': saveConnectionHandler,
  'connection.disconnect': disconnectHandler,
  'contact.lookup': lookupHandler,
  'contact.lookupMany': lookupManyHandler,
  'contact.create': createContactHandler,
  'contact.logFields': logFieldsHandler,
  'callLog.create': callLogHandler,
  'cache.stats': cacheStatsHandler,
  'cache.clear': cacheClearHandler,
  // Call pop looks numbers up through the very handler the pages use (cache, coalescing, TTLs).
  'call.event': (payload, sender) =>
    handleCallEvent(payload, {
      lookup: async (request) => handlers['contact.lookup'](request, sender),
    }),
  'call.saveLookup': handleSaveLookup,
  'call.show': handleShowCall,
};
