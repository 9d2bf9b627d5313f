import { handleCallEvent } from '../callpop/call-event';
import { handleSaveLookup } from '../callpop/call-record';
import { handleShowCall } from '../callpop/show-call';
import type { HandlerTable } from '../messages';
import { cacheClearHandler, cacheStatsHandler } from './cache';
import { callLogHandler } from './call-log';
import {
  disconnectHandler,
  getConnectionHandler,
  saveConnectionHandler,
  testConnectionHandler,
} from './connection';
import { listConnectors } from './connectors';
import {
  createContactHandler,
  logFieldsHandler,
  lookupHandler,
  lookupManyHandler,
} from './contacts';
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
