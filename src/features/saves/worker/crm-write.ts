/** CRM writes shared by contact.create and callLog.create: validated input, plain-words errors. */
import { collapseName } from '@/connectors/shared/names';
import { ERROR_CODES } from '@/platform/messages';
import type { Contact } from '@/features/lookup/model/contact';
import { redactSecrets, type CrmFailureKind } from '@/platform/worker/http/errors';
import { badRequest, RequestError } from '@/platform/worker/request-error';
import { inSlot, parseTarget, type Account } from '@/features/lookup/worker';
import { saveFailureSentence, type SaveTarget } from '@/features/lookup/worker';
import type { EngineDeps } from '@/connectors/deps';

const MAX_NAME_LENGTH = 255;

/** E.164 for a write; extensions and bad input are refused in plain words. */
export function writableNumber(account: Account, phoneNumber: unknown): string {
  const target = parseTarget(phoneNumber, account.settings.defaultCountry);
  if (!target.ok) badRequest(target.message);
  if (target.isExtension) {
    badRequest('A contact cannot be created for an internal extension number.');
  }
  return target.phoneNumber;
}

/** Our number in E.164, or undefined (none, an extension, unreadable): the log goes without it. */
export function ownNumberOf(account: Account, ownNumber: unknown): string | undefined {
  if (ownNumber === undefined || ownNumber === '') return undefined;
  const target = parseTarget(ownNumber, account.settings.defaultCountry);
  return target.ok && !target.isExtension ? target.phoneNumber : undefined;
}

export function checkNewContact(account: Account, name: unknown, type: unknown) {
  // Collapsed as the connectors save it, so the name recovery compares with is the one saved.
  const trimmed = collapseName(name);
  if (trimmed === '') badRequest('Enter a name for the contact.');
  if (trimmed.length > MAX_NAME_LENGTH) {
    badRequest(`The name is too long: at most ${MAX_NAME_LENGTH} characters.`);
  }
  const types = account.connector.manifest.contactTypes ?? [];
  const chosen = typeof type === 'string' ? type.trim() : '';
  if (types.length > 0 && !types.some((t) => t.value === chosen)) {
    const names = types.map((t) => t.display).join(', ');
    badRequest(`Choose a contact type: ${names}.`);
  }
  return { name: trimmed, type: chosen };
}

/** Failures after which the CRM may still have saved what was sent (or save it moments later). */
const UNCLEAR: CrmFailureKind[] = ['timeout', 'network', 'unavailable', 'malformed', 'tooLarge'];

/** Worded for a Save: what became of it, the CRM's reason, and what to do next. */
export const saveCall = <T>(
  account: Account,
  deps: EngineDeps,
  target: SaveTarget,
  run: () => Promise<T>,
) =>
  inSlot(account, deps, run, ({ kind, message, crmText }, crm) => {
    // The account's own secrets are hidden from any CRM text that echoes them.
    const { kind: _kind, ...secret } = account.connection.credentials;
    const said = crmText && redactSecrets(crmText, [account.authHeader, ...Object.values(secret)]);
    const sentence = saveFailureSentence(kind, crm, { target, why: message, crmText: said });
    return new RequestError(ERROR_CODES.crm, sentence, UNCLEAR.includes(kind));
  });

/** A contact as a log or a Save's record names it: no type key when it has none. */
export function contactRef({ id, name, type }: Pick<Contact, 'id' | 'name' | 'type'>) {
  return { id, name, ...(type ? { type } : {}) };
}
