/** contact.logFields: contact-dependent options for the log form (e.g. Pipedrive deals). */
import type { Contact } from '@/features/lookup/model/contact';
import type { LogFieldOptions } from '@/platform/messages';
import { badRequest } from '@/platform/worker/request-error';
import { crmCall, loadAccount, cacheId, contactsOf } from '@/features/lookup/worker';
import { matchCache } from '@/platform/storage/keys';
import { writableNumber } from './crm-write';
import type { EngineDeps } from '@/connectors/deps';

export async function logFieldOptions(
  payload: { phoneNumber: string; contactId: string | number },
  deps: EngineDeps,
): Promise<LogFieldOptions> {
  const contactId = payload?.contactId;
  if (typeof contactId !== 'string' && typeof contactId !== 'number') {
    badRequest('Choose a contact first.');
  }
  const account = await loadAccount(deps);
  const { connector, user, authHeader } = account;
  if (!connector.fetchLogFieldOptions) return {};
  const e164 = writableNumber(account, payload.phoneNumber);
  // The cached contact carries the connector's additionalInfo (deals, leads…) when it has any.
  const entry = await matchCache.get(cacheId(account.scope, e164));
  const cached = entry
    ? contactsOf(entry, e164).find((c) => String(c.id) === String(contactId))
    : undefined;
  const contact: Contact = cached ?? { id: contactId, name: '', phone: e164 };
  return crmCall(account, deps, () => connector.fetchLogFieldOptions!(user, authHeader, contact));
}
