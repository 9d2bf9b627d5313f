import type { Handler } from '../messages';
import { callOfSave, recordCreated } from '../callpop/save-outcome';
import { createContact } from '../engine/create';
import { defaultDeps } from '../engine/default-deps';
import { logFieldOptions } from '../engine/log-fields';
import { lookupContact } from '../engine/lookup';
import { lookupMany } from '../engine/lookup-many';

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
