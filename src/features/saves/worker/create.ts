/** contact.create: a placeholder contact, created once per requestId and cached at once. */
import type { CreateContactArgs } from '@/connectors/types';
import type { EngineDeps } from '@/connectors/deps';
import type { Contact, ReturnMessage } from '@/features/lookup/model/contact';
import { loadAccount, toView, type Account } from '@/features/lookup/worker';
import type { CreateContactReply, CreateContactRequest } from '@/platform/messages';
import { badRequest } from '@/platform/worker/request-error';
import { checkNewContact, createInCrm, rememberCreated, writableNumber } from './crm-write';
import { checkRequestId, runOnce } from './idempotent';
import { retryOf, settle, watchLateCopies } from './retry-check';

/** "Lead created." for an Insightly lead: the kind of record made (as the form names it), when
 * the CRM has several. */
function createdMessage(account: Account, type: string | undefined): ReturnMessage {
  const types = account.connector.manifest.contactTypes ?? [];
  const shown = types.find((t) => t.value.toLowerCase() === type?.toLowerCase())?.display ?? type;
  const kind = types.length > 1 && shown ? shown : 'Contact';
  return { message: `${kind} created.`, messageType: 'success', ttl: 3000 };
}

/** On a retry, the contact an earlier attempt made if the CRM has it, else a new one (watched for a
 * late copy). Cached either way, so a cached "no match" for the number stops showing. */
export async function createOnce(
  account: Account,
  deps: EngineDeps,
  e164: string,
  fields: { name: string; type: string },
  retry: { since: number } | null,
): Promise<Contact> {
  const { user, authHeader } = account;
  const args: CreateContactArgs = {
    user,
    authHeader,
    phoneNumber: e164,
    newContactName: fields.name,
    newContactType: fields.type,
  };
  const save = { kind: 'contact', args } as const;
  const earlier = retry ? await settle(account, deps, save, retry.since) : null;
  const contact = earlier
    ? await rememberCreated(account, deps, e164, {
        id: earlier,
        name: fields.name,
        ...(fields.type ? { type: fields.type } : {}),
      })
    : await createInCrm(account, deps, args);
  if (retry) watchLateCopies(account, deps, save, retry.since, String(contact.id));
  return contact;
}

export async function createContact(
  request: CreateContactRequest,
  deps: EngineDeps,
): Promise<CreateContactReply> {
  if (!request || typeof request !== 'object') badRequest('Nothing to save.');
  const requestId = checkRequestId(request.requestId);
  const account = await loadAccount(deps);
  const e164 = writableNumber(account, request.phoneNumber);
  const fields = checkNewContact(account, request.newContactName, request.newContactType);

  return runOnce('contact', requestId, deps.now, async (step) => {
    const retry = retryOf(request, step, deps.now());
    const contact = await createOnce(account, deps, e164, fields, retry);
    return {
      contact: toView(account, contact),
      returnMessage: createdMessage(account, contact.type),
    };
  });
}
