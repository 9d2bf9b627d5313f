import type { Handler } from '../messages';
import { createContact } from '../engine/create';
import { defaultDeps } from '../engine/default-deps';
import { logFieldOptions } from '../engine/log-fields';
import { lookupContact } from '../engine/lookup';
import { lookupMany } from '../engine/lookup-many';

export const lookupHandler: Handler<'contact.lookup'> = (payload) =>
  lookupContact(payload, defaultDeps);
export const lookupManyHandler: Handler<'contact.lookupMany'> = (payload) =>
  lookupMany(payload, defaultDeps);
export const createContactHandler: Handler<'contact.create'> = (payload) =>
  createContact(payload, defaultDeps);
export const logFieldsHandler: Handler<'contact.logFields'> = (payload) =>
  logFieldOptions(payload, defaultDeps);
