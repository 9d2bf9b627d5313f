import { handleCallEvent } from '../callpop/call-event';
import type { HandlerTable } from '../messages';
import { notYet } from './not-yet';
import { getStatus } from './status';

export const handlers: HandlerTable = {
  'status.get': getStatus,
  'connectors.list': notYet('connectors.list'),
  'connection.get': notYet('connection.get'),
  'connection.test': notYet('connection.test'),
  'connection.save': notYet('connection.save'),
  'connection.disconnect': notYet('connection.disconnect'),
  'contact.lookup': notYet('contact.lookup'),
  'contact.lookupMany': notYet('contact.lookupMany'),
  'contact.create': notYet('contact.create'),
  'contact.logFields': notYet('contact.logFields'),
  'callLog.create': notYet('callLog.create'),
  'cache.stats': notYet('cache.stats'),
  'cache.clear': notYet('cache.clear'),
  // Call pop looks numbers up through the very handler the pages use (cache, coalescing, TTLs).
  'call.event': (payload, sender) =>
    handleCallEvent(payload, {
      lookup: async (request) => handlers['contact.lookup'](request, sender),
    }),
};
