import type { Handler } from '@/platform/worker/listener';
import { callOfSave, recordCreated } from '@/features/calls/worker/save-outcome';
import { createContact } from '@/features/saves/worker/create';
import { defaultDeps } from '@/connectors/default-deps';
import { logFieldOptions } from '@/features/saves/worker/log-fields';
import { lookupContact } from './lookup';
import { lookupMany } from './lookup-many';

export const lookupHandler: Handler<'contact.lookup'> = (payload) =>
  lookupContact(payload, defaultDeps);
export const lookupManyHandler: Handler<'contact.lookupMany'> = (payload) =>
  lookupMany(payload, defaultDeps);
export const createContactHandler: Handler<'contact.create'> = async (payload) => {
  const callSessionId = callOfSave(payload);
  const reply = await createContact(payload, defaultDeps);
  if (callSessionId) await recordCreated(callSessionId, reply);
  return reply;
};
export const logFieldsHandler: Handler<'contact.logFields'> = (payload) =>
  logFieldOptions(payload, defaultDeps);
