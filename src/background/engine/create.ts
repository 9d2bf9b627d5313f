/** contact.create: a placeholder contact, created once per requestId and cached at once. */
import { sameName } from '@/connectors/shared/names';
import { isPlaceholder, type Contact, type ReturnMessage } from '@/shared/contact';
import { ERROR_CODES, type CreateContactReply, type CreateContactRequest } from '@/shared/messages';
import { RequestError } from '../request-error';
import { loadAccount, type Account } from './account';
import {
  checkNewContact,
  createInCrm,
  rememberCreated,
  saveCall,
  writableNumber,
} from './crm-write';
import type { EngineDeps } from './deps';
import { checkRequestId, runOnce } from './idempotent';
import { toView } from './views';

const CREATED_MESSAGE = { message: 'Contact created', messageType: 'success', ttl: 3000 } as const;

/**
 * After an earlier attempt that did not finish (the worker stopped mid-create, or the create
 * failed, e.g. timed out after the CRM had made the contact), the CRM may or may not have the
 * contact. Asking it (bypassing its cache) avoids a duplicate when it does. Names are compared
 * as the connectors save them (spaces collapsed), in any letter case.
 */
export async function findInterruptedCreate(
  account: Account,
  deps: EngineDeps,
  e164: string,
  name: string,
): Promise<Contact | null> {
  const { connector, user, authHeader } = account;
  const found = await saveCall(account, deps, 'contact', () =>
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
  return (
    (found.matchedContactInfo ?? []).find((c) => !isPlaceholder(c) && sameName(c.name, name)) ??
    null
  );
}

/**
 * The search may lag behind the CRM's writes (Pipedrive indexes new persons after a delay): a
 * connector that can list what was just created has a last look before a retry creates again.
 */
async function findUnindexedCreate(
  account: Account,
  deps: EngineDeps,
  e164: string,
  fields: { name: string; type: string },
): Promise<Contact | null> {
  const { connector, user, authHeader } = account;
  if (!connector.findCreatedContact) return null;
  const found = await saveCall(account, deps, 'contact', () =>
    connector.findCreatedContact!({
      user,
      authHeader,
      phoneNumber: e164,
      newContactName: fields.name,
      newContactType: fields.type,
    }),
  );
  return found
    ? { id: found.id, name: found.name, ...(found.type ? { type: found.type } : {}) }
    : null;
}

/**
 * The new contact of a Save: on a retry, the one an earlier attempt already made if the CRM has
 * it, else a new one. Cached either way, so a cached "no match" for the number stops showing.
 */
export async function createOnce(
  account: Account,
  deps: EngineDeps,
  e164: string,
  fields: { name: string; type: string },
  isRetry: boolean,
): Promise<{ contact: Contact; returnMessage: ReturnMessage | null }> {
  if (isRetry) {
    const existing =
      (await findInterruptedCreate(account, deps, e164, fields.name)) ??
      (await findUnindexedCreate(account, deps, e164, fields));
    if (existing) {
      const contact = await rememberCreated(account, deps, e164, {
        ...existing,
        ...(existing.type || fields.type ? { type: existing.type || fields.type } : {}),
      });
      return { contact, returnMessage: null };
    }
  }
  return createInCrm(account, deps, e164, fields);
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
    const created = await createOnce(account, deps, e164, fields, previous !== undefined);
    return {
      contact: view(created.contact),
      returnMessage: created.returnMessage ?? CREATED_MESSAGE,
    };
  });
}
