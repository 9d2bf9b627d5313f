/** The Pipedrive connector. Hostname: the account's domain, e.g. `acme.pipedrive.com`. */
import { http } from '@/platform/worker/http/client';
import { MalformedResponseError } from '@/platform/worker/http/errors';
import type { Contact } from '@/features/lookup/model/contact';
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

type Options = { const: string | number; title: string }[];

function readOptions(body: unknown, what: string): Options {
  return requireArray(pipedriveData(body, what), what).map((entry) => {
    const record = requireRecord(entry, `One of the ${what}`);
    const id = requireId(record.id, `One of the ${what}`);
    return { const: id, title: optionalText(record.title) ?? `#${id}` };
  });
}

// Deals and leads of one person, for the call-log form (never on the lookup path).
async function fetchPipedriveLogFieldOptions(
  user: ConnectorUser,
  authHeader: string,
  contact: Contact,
): Promise<Record<string, Options>> {
  if (contact.isNewContact) return { deals: [], leads: [] };
  const headers = pipedriveHeaders(authHeader);
  const personId = String(contact.id);
  // Both lists at once: the form waits for the slower one, not for the sum.
  const [deals, leads] = await Promise.all([
    http.get(
      buildUrl(user.hostname, '/api/v2/deals', { person_id: personId, status: 'open', limit: 100 }),
      { headers },
    ),
    http.get(buildUrl(user.hostname, '/v1/leads', { person_id: personId, limit: 100 }), {
      headers,
    }),
  ]);
  return { deals: readOptions(deals.data, 'open deals'), leads: readOptions(leads.data, 'leads') };
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
