/** contact.create: a placeholder contact, created once per requestId and cached at once. */
import { isPlaceholder, type Contact } from '@/shared/contact';
import { ERROR_CODES, type CreateContactReply, type CreateContactRequest } from '@/shared/messages';
import { RequestError } from '../request-error';
import { loadAccount, type Account } from './account';
import { checkNewContact, createInCrm, crmCall, writableNumber } from './crm-write';
import type { EngineDeps } from './deps';
import { checkRequestId, runOnce } from './idempotent';
import { toView } from './views';

const CREATED_MESSAGE = { message: 'Contact created', messageType: 'success', ttl: 3000 } as const;

/**
 * After an earlier attempt that did not finish (the worker stopped mid-create, or the create
 * failed, e.g. timed out after the CRM had made the contact), the CRM may or may not have the
 * contact. Asking it (bypassing its cache) avoids a duplicate when it does.
 */
export async function findInterruptedCreate(
  account: Account,
  deps: EngineDeps,
  e164: string,
  name: string,
): Promise<Contact | null> {
  const { connector, user, authHeader } = account;
  const found = await crmCall(account, deps, () =>
    connector.findContact({
      user,
      authHeader,
      phoneNumber: e164,
      overridingFormat: '',
      isExtension: false,
      proxyConfig: null,
      tracer: null,
      isForceRefreshAccountData: true,
    }),
  );
  const wanted = name.toLocaleLowerCase();
  return (
    (found.matchedContactInfo ?? []).find(
      (c) => !isPlaceholder(c) && c.name?.trim().toLocaleLowerCase() === wanted,
    ) ?? null
  );
}

export async function createContact(
  request: CreateContactRequest,
  deps: EngineDeps,
): Promise<CreateContactReply> {
  if (!request || typeof request !== 'object') {
    throw new RequestError(ERROR_CODES.badRequest, 'Nothing to save.');
  }
  const requestId = checkRequestId(request.requestId);
  const account = await loadAccount(deps);
  const e164 = writableNumber(account, request.phoneNumber);
  const fields = checkNewContact(account, request.newContactName, request.newContactType);
  const view = (contact: Contact) =>
    toView(account.connector, account.connection.hostname, contact);

  return runOnce('contact', requestId, deps.now, async ({ previous }) => {
    if (previous) {
      const existing = await findInterruptedCreate(account, deps, e164, fields.name);
      if (existing) return { contact: view(existing), returnMessage: CREATED_MESSAGE };
    }
    const created = await createInCrm(account, deps, e164, fields);
    return {
      contact: view(created.contact),
      returnMessage: created.returnMessage ?? CREATED_MESSAGE,
    };
  });
}
