/** contact.create: a placeholder contact, created once per requestId and cached at once. */
import type { CreateContactArgs } from '@/connectors/types';
import type { EngineDeps } from '@/connectors/deps';
import type { Contact, ReturnMessage } from '@/features/lookup/model/contact';
import {
  addCreatedContact,
  cacheId,
  loadAccount,
  toView,
  type Account,
} from '@/features/lookup/worker';
import { ERROR_CODES } from '@/platform/messages';
import type { CreateContactReply, CreateContactRequest } from '@/platform/messages';
import { badRequest, RequestError } from '@/platform/worker/request-error';
import { checkNewContact, contactRef, saveCall, writableNumber } from './crm-write';
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

async function createInCrm(account: Account, deps: EngineDeps, args: CreateContactArgs) {
  const { connector } = account;
  const result = await saveCall(account, deps, 'contact', () => connector.createContact(args));
  const info = result?.contactInfo;
  if (!info || (typeof info.id !== 'string' && typeof info.id !== 'number')) {
    const why = result?.returnMessage?.message;
    throw new RequestError(
      ERROR_CODES.crm,
      `${connector.manifest.displayName} did not create the contact${why ? `: ${why}` : '.'}`,
    );
  }
  const name = typeof info.name === 'string' && info.name ? info.name : args.newContactName;
  return { id: info.id, name, type: info.type || args.newContactType };
}

/** On a retry, the contact an earlier attempt made if the CRM has it, else a new one (watched for a
 * late copy). Cached at once either way, so a cached "no match" for the number stops showing. */
export async function createOnce(
  account: Account,
  deps: EngineDeps,
  e164: string,
  { name, type }: { name: string; type: string },
  retry: { since: number } | null,
): Promise<Contact> {
  const { user, authHeader } = account;
  const args = { user, authHeader, phoneNumber: e164, newContactName: name, newContactType: type };
  const save = { kind: 'contact', args } as const;
  const earlier = retry ? await settle(account, deps, save, retry.since) : null;
  const made = earlier ? { id: earlier, name, type } : await createInCrm(account, deps, args);
  const contact: Contact = { ...contactRef(made), phone: e164 };
  await addCreatedContact(cacheId(account.scope, e164), e164, contact, deps.now());
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
