/** The Insightly connector. Hostname: the API URL, e.g. `https://api.na1.insightly.com`. */
import { http } from '@/platform/worker/http/client';
import { optionalText, requireId, requireRecord } from '../shared/guards';
import { namesById } from '../shared/names';
import type { Connector, ConnectorUser } from '../types';
import * as auth from './auth';
import { findInsightlyContact, findInsightlyContactWithName, insightlyName } from './find-contact';
import { insightlyManifest } from './manifest';
import * as write from './write';

async function checkInsightlyConnection(user: ConnectorUser, authHeader: string) {
  const url = auth.insightlyUrl(user.hostname, '/Users/Me');
  const res = await http.get(url, { headers: auth.insightlyHeaders(authHeader) });
  const me = requireRecord(res.data, 'The Insightly user');
  const userId = String(requireId(me.USER_ID, 'The Insightly user'));
  const name = insightlyName(me);
  return {
    // INSTANCE_ID names the Insightly account; the host stands in if an answer lacks it.
    accountId: optionalText(me.INSTANCE_ID) ?? auth.insightlyApiHost(user.hostname),
    userId,
    userName: name === 'Unnamed record' ? (optionalText(me.EMAIL_ADDRESS) ?? userId) : name,
  };
}

// The account's users, for the owners records name (OWNER_USER_ID).
async function listInsightlyUsers(user: ConnectorUser, authHeader: string) {
  const url = auth.insightlyUrl(user.hostname, '/Users');
  const res = await http.get(url, { headers: auth.insightlyHeaders(authHeader) });
  return namesById(res.data, (u) => [u.USER_ID, u.FIRST_NAME, u.LAST_NAME, u.EMAIL_ADDRESS]);
}

export const insightly: Connector = {
  manifest: insightlyManifest,
  authHeader: auth.insightlyAuthHeader,
  checkConnection: checkInsightlyConnection,
  findContact: findInsightlyContact,
  createContact: write.createInsightlyContact,
  findContactWithName: findInsightlyContactWithName,
  addPhoneNumber: write.addInsightlyPhoneNumber,
  createCallLog: write.createInsightlyCallLog,
  saveCheck: write.insightlySaveCheck,
  pageHostname: auth.insightlyPageHostname,
  listUsers: listInsightlyUsers,
};
