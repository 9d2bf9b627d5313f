/** The Pipedrive connector. Hostname: the account's domain, e.g. `acme.pipedrive.com`. */
import { http } from '@/platform/worker/http/client';
import { MalformedResponseError } from '@/platform/worker/http/errors';
import type { Contact } from '@/features/lookup/model/contact';
import type { LogFieldOptions } from '@/platform/messages';
import { optionalText, requireArray, requireId, requireRecord } from '../shared/guards';
import { namesById } from '../shared/names';
import { buildUrl } from '../shared/wire';
import type { Connector, ConnectorUser } from '../types';
import { pipedriveAuthHeader, pipedriveHeaders } from './auth';
import { findPipedriveContact, findPipedriveContactWithName, pipedriveData } from './find-contact';
import { pipedriveManifest } from './manifest';
import * as write from './write';

async function checkPipedriveConnection(user: ConnectorUser, authHeader: string) {
  const url = buildUrl(user.hostname, '/v1/users/me');
  const res = await http.get(url, { headers: pipedriveHeaders(authHeader) });
  const me = requireRecord(pipedriveData(res.data, 'the user request'), 'The Pipedrive user');
  const account = optionalText(me.company_id) ?? optionalText(me.company_domain);
  if (!account) throw new MalformedResponseError('Pipedrive did not say which company this is.');
  return {
    accountId: account,
    userId: String(requireId(me.id, 'The Pipedrive user')),
    userName: optionalText(me.name) ?? optionalText(me.email) ?? 'Pipedrive user',
  };
}

// Deals and leads of one person, for the call-log form (never on the lookup path).
async function fetchPipedriveLogFieldOptions(
  user: ConnectorUser,
  authHeader: string,
  contact: Contact,
): Promise<LogFieldOptions> {
  if (contact.isNewContact) return { deals: [], leads: [] };
  const headers = pipedriveHeaders(authHeader);
  const list = async (path: string, what: string, status?: string) => {
    const query = { person_id: String(contact.id), status, limit: 100 };
    const res = await http.get(buildUrl(user.hostname, path, query), { headers });
    return requireArray(pipedriveData(res.data, what), what).map((entry) => {
      const record = requireRecord(entry, `One of the ${what}`);
      const id = requireId(record.id, `One of the ${what}`);
      return { const: id, title: optionalText(record.title) ?? `#${id}` };
    });
  };
  // Both lists at once: the form waits for the slower one, not for the sum.
  const [deals, leads] = await Promise.all([
    list('/api/v2/deals', 'open deals', 'open'),
    list('/v1/leads', 'leads'),
  ]);
  return { deals, leads };
}

// Every user of the company, for the owner names contacts carry only the ids of.
async function listPipedriveUsers(user: ConnectorUser, authHeader: string) {
  const url = buildUrl(user.hostname, '/v1/users');
  const res = await http.get(url, { headers: pipedriveHeaders(authHeader) });
  const users = pipedriveData(res.data, 'the users request');
  return namesById(users, (u) => [u.id, u.name, '', u.email]);
}

export const pipedrive: Connector = {
  manifest: pipedriveManifest,
  authHeader: pipedriveAuthHeader,
  checkConnection: checkPipedriveConnection,
  findContact: findPipedriveContact,
  createContact: write.createPipedriveContact,
  findContactWithName: findPipedriveContactWithName,
  addPhoneNumber: write.addPipedrivePhoneNumber,
  createCallLog: write.createPipedriveCallLog,
  saveCheck: write.pipedriveSaveCheck,
  fetchLogFieldOptions: fetchPipedriveLogFieldOptions,
  listUsers: listPipedriveUsers,
};
