/** The Pipedrive connector. Hostname: the account's domain, e.g. `acme.pipedrive.com`. */
import { http } from '@/platform/worker/http/client';
import { MalformedResponseError } from '@/platform/worker/http/errors';
import { optionalText, requireId, requireRecord } from '../shared/guards';
import { buildUrl } from '../shared/wire';
import type { Connector, ConnectorUser } from '../types';
import { pipedriveAuthHeader, pipedriveHeaders } from './auth';
import { findPipedriveContact, findPipedriveContactWithName, pipedriveData } from './find-contact';
import { fetchPipedriveLogFieldOptions } from './log-fields';
import { pipedriveManifest } from './manifest';
import * as write from './write';

async function checkPipedriveConnection(user: ConnectorUser, authHeader: string) {
  const res = await http.get(buildUrl(user.hostname, '/v1/users/me'), {
    headers: pipedriveHeaders(authHeader),
  });
  const me = requireRecord(pipedriveData(res.data, 'the user request'), 'The Pipedrive user');
  const account = optionalText(me.company_id) ?? optionalText(me.company_domain);
  if (!account) throw new MalformedResponseError('Pipedrive did not say which company this is.');
  return {
    accountId: account,
    userId: String(requireId(me.id, 'The Pipedrive user')),
    userName: optionalText(me.name) ?? optionalText(me.email) ?? 'Pipedrive user',
  };
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
};
