/** contact.create: a placeholder contact, created once per requestId and cached at once. */
import { collapseName, sameName } from '@/connectors/shared/names';
import { isPlaceholder, type Contact, type ReturnMessage } from '@/features/lookup/model/contact';
import { parseCreatedDate } from '@/features/lookup/model/created-date';
import {
  ERROR_CODES,
  type CreateContactReply,
  type CreateContactRequest,
} from '@/platform/messages';
import type { SaveRequestState } from '@/platform/storage/keys';
import { RequestError } from '@/platform/worker/request-error';
import { loadAccount, type Account, toView } from '@/features/lookup/worker';
import {
  checkNewContact,
  createInCrm,
  rememberCreated,
  saveCall,
  writableNumber,
} from './crm-write';
import type { EngineDeps } from '@/connectors/deps';
import { checkRequestId, runOnce, type CreateAttempt, type SaveStep } from './idempotent';
import { waitForLateWrite } from './late-write';

/**
 * The names a retried create looks for: the one typed now first, then those earlier attempts of
 * the same Save sent (newest first), each once whatever its spacing or letter case. The person
 * may have corrected the name before saving again: the contact an earlier attempt made is theirs
 * under the old name.
 */
function attemptsToFind(
  previous: SaveRequestState | undefined,
  now: CreateAttempt,
): CreateAttempt[] {
  const all = [now, ...[...(previous?.createAttempts ?? [])].reverse()];
  return all.filter(
    (attempt, i) => all.findIndex((other) => sameName(other.name, attempt.name)) === i,
  );
}

/** The CRM's clock and this computer's may disagree by minutes. */
export const CLOCK_SLACK_MS = 10 * 60_000;

/**
 * A contact found under an earlier attempt's name is that attempt's only if the CRM made it
 * after the attempt was sent: one that was there before is someone else's, never renamed.
 */
function madeSince(contact: { createdDate?: string | number }, attempt: CreateAttempt): boolean {
  if (attempt.at === undefined) return false;
  const created = parseCreatedDate(contact.createdDate);
  return created !== null && created >= attempt.at - CLOCK_SLACK_MS;
}

/** A found contact may stand for an attempt: any under the name typed now, else one made since. */
function mayBe(
  contact: { createdDate?: string | number },
  attempt: CreateAttempt,
  index: number,
): boolean {
  return index === 0 || madeSince(contact, attempt);
}

const sameType = (a: string | undefined, b: string | undefined) =>
  !a || !b || a.toLowerCase() === b.toLowerCase();

/**
 * After an earlier attempt that did not finish (the worker stopped mid-create, or the create
 * failed, e.g. timed out after the CRM had made the contact), the CRM may or may not have the
 * contact. Asking it (bypassing its cache) avoids a duplicate when it does: one search by
 * number, then a contact under any name an attempt sent. Names are compared as the connectors
 * save them (spaces collapsed), in any letter case; the name typed now is preferred, then the
 * newest attempt's, and a contact of the type sent before one of another type.
 */
export async function findInterruptedCreate(
  account: Account,
  deps: EngineDeps,
  e164: string,
  attempts: readonly CreateAttempt[],
): Promise<Contact | null> {
  const { connector, user, authHeader } = account;
  const found = await saveCall(
    account,
    deps,
    'contact',
    () =>
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
    'read',
  );
  const contacts = (found.matchedContactInfo ?? []).filter((c) => !isPlaceholder(c));
  for (const [index, attempt] of attempts.entries()) {
    const named = contacts.filter(
      (c) => sameName(c.name, attempt.name) && mayBe(c, attempt, index),
    );
    const match = named.find((c) => sameType(c.type, attempt.type)) ?? named[0];
    if (match) return match;
  }
  return null;
}

/**
 * The search may lag behind the CRM's writes (Pipedrive indexes new persons after a delay): a
 * connector that can list what was just created has a last look before a retry creates again,
 * under each name an attempt sent.
 */
async function findUnindexedCreate(
  account: Account,
  deps: EngineDeps,
  e164: string,
  attempts: readonly CreateAttempt[],
): Promise<Contact | null> {
  const { connector, user, authHeader } = account;
  if (!connector.findCreatedContact) return null;
  for (const [index, attempt] of attempts.entries()) {
    const found = await saveCall(
      account,
      deps,
      'contact',
      () =>
        connector.findCreatedContact!({
          user,
          authHeader,
          phoneNumber: e164,
          newContactName: attempt.name,
          newContactType: attempt.type,
        }),
      'read',
    );
    if (found && mayBe(found, attempt, index)) {
      return {
        id: found.id,
        name: found.name,
        ...(found.type ? { type: found.type } : {}),
        ...(found.createdDate !== undefined ? { createdDate: found.createdDate } : {}),
      };
    }
  }
  return null;
}

/** "Lead" for Insightly's "Lead": the type as the form shows it. */
function typeLabel(account: Account, type: string): string {
  const types = account.connector.manifest.contactTypes ?? [];
  return types.find((t) => t.value.toLowerCase() === type.toLowerCase())?.display ?? type;
}

/** "Lead created." for an Insightly lead: the kind of record made, when the CRM has several. */
function createdMessage(account: Account, type: string | undefined): ReturnMessage {
  const several = (account.connector.manifest.contactTypes ?? []).length > 1;
  const kind = several && type ? typeLabel(account, type) : 'Contact';
  return { message: `${kind} created.`, messageType: 'success', ttl: 3000 };
}

/**
 * A contact an earlier attempt of this Save made, as the person now wants it: renamed in the
 * CRM when they corrected the name since, and cached under the name the CRM has. A rename the
 * CRM refuses (or cannot do) does not fail the Save: the contact is there, and a warning says
 * which name it has and to rename it. A type cannot be changed, so a changed one is only said.
 */
export async function keepTypedName(
  account: Account,
  deps: EngineDeps,
  e164: string,
  earlier: Contact,
  fields: { name: string; type: string },
  /** Proven to be this Save's (made since its first attempt): only then is it renamed. */
  ours: boolean,
): Promise<{ contact: Contact; returnMessage: ReturnMessage | null }> {
  const { connector, user, authHeader } = account;
  const crm = connector.manifest.displayName;
  const type = earlier.type || fields.type;
  let name = earlier.name;
  const warnings: string[] = [];
  // A contact not proven ours matched the name typed now in another letter case: someone's own
  // "ANN LEE" is taken as is, never renamed.
  if (ours && collapseName(earlier.name) !== fields.name) {
    const renamed =
      connector.renameContact !== undefined &&
      (await saveCall(account, deps, 'contact', () =>
        connector.renameContact!({
          user,
          authHeader,
          contact: { id: earlier.id, ...(type ? { type } : {}) },
          newName: fields.name,
        }),
      ).then(
        () => true,
        () => false,
      ));
    if (renamed) {
      name = fields.name;
    } else {
      warnings.push(
        `The contact was saved under the earlier name "${earlier.name}", and CallPop could not rename it to "${fields.name}": rename it in ${crm}.`,
      );
    }
  }
  if (earlier.type && fields.type && !sameType(earlier.type, fields.type)) {
    warnings.push(
      `An earlier attempt of this Save made it a ${typeLabel(account, earlier.type)}, not a ${typeLabel(account, fields.type)}: change it in ${crm} if needed.`,
    );
  }
  const contact = await rememberCreated(account, deps, e164, {
    ...earlier,
    name,
    ...(type ? { type } : {}),
  });
  const returnMessage: ReturnMessage | null =
    warnings.length > 0 ? { message: warnings.join(' '), messageType: 'warning', ttl: 8000 } : null;
  return { contact, returnMessage };
}

/** What createOnce needs of the Save it runs in (engine/idempotent.ts). */
export type CreateStep = Pick<SaveStep, 'previous' | 'recordCreateAttempt'>;

/**
 * The new contact of a Save: on a retry, the one an earlier attempt already made if the CRM has
 * it (under whatever name that attempt sent, renamed to the name typed now), else a new one.
 * Each attempt's name and type are recorded before the create is sent, so a retry knows every
 * name to look for. Cached either way, so a cached "no match" for the number stops showing.
 */
export async function createOnce(
  account: Account,
  deps: EngineDeps,
  e164: string,
  fields: { name: string; type: string },
  { previous, recordCreateAttempt }: CreateStep,
): Promise<{ contact: Contact; returnMessage: ReturnMessage | null }> {
  if (previous !== undefined) {
    await waitForLateWrite(previous, deps);
    const attempts = attemptsToFind(previous, fields);
    const existing =
      (await findInterruptedCreate(account, deps, e164, attempts)) ??
      (await findUnindexedCreate(account, deps, e164, attempts));
    if (existing) {
      const first = previous.createAttempts?.[0];
      const ours = first !== undefined && madeSince(existing, first);
      return keepTypedName(account, deps, e164, existing, fields, ours);
    }
  }
  const recorded = previous?.createAttempts ?? [];
  if (!recorded.some((a) => a.name === fields.name && a.type === fields.type)) {
    await recordCreateAttempt({ name: fields.name, type: fields.type, at: deps.now() });
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
  const view = (contact: Contact) => toView(account, contact);

  return runOnce('contact', requestId, deps.now, async (step) => {
    const created = await createOnce(account, deps, e164, fields, step);
    return {
      contact: view(created.contact),
      // A warning (the contact kept an earlier name) is said as is; success names the record.
      returnMessage:
        created.returnMessage?.messageType === 'warning'
          ? created.returnMessage
          : createdMessage(account, created.contact.type),
    };
  });
}
