// Finding a caller the number does not find: a name search, adding the number to the contact,
// and the pick among a number's several contacts (listed first on its later calls).
import type { Contact } from '../model/contact';
import { sameContact as same } from '../model/lookup-result';
import { joinOverridingFormats } from '../model/phone';
import type { EngineDeps } from '@/connectors/deps';
import type { ContactChoice, LookupResult } from '@/platform/messages';
import { matchCache, pickedContacts } from '@/platform/storage/keys';
import { badRequest } from '@/platform/worker/request-error';
import { loadAccount, type Account } from './account';
import { addCreatedContact, cacheId, contactsOf } from './cache';
import { paceOf } from './crm-search';
import { crmCall } from './credentials-status';
import { parseTarget } from './lookup';
import { accountKey, toView } from './views';

export async function searchName(payload: { name: string }, deps: EngineDeps) {
  const name = typeof payload?.name === 'string' ? payload.name.trim() : '';
  if (name.length < 2) badRequest('Type at least 2 letters of a name.');
  const account = await loadAccount(deps);
  const { connector, user, authHeader } = account;
  const hooks = { pace: paceOf(account, deps) };
  const run = () => connector.findContactWithName({ user, authHeader, name }, hooks);
  const found = await crmCall(account, deps, run, 'The search did not run');
  const contacts = (found?.matchedContactInfo ?? []).filter((c) => c && !c.isNewContact);
  return { contacts: contacts.map((contact) => toView(account, contact)) };
}

/** The number in E.164 and the contact chosen for it, checked. */
function readChoice(account: Account, payload: ContactChoice) {
  const target = parseTarget(payload?.phoneNumber, account.settings.defaultCountry);
  if (!target.ok || target.isExtension) badRequest('That is not a phone number CallPop can save.');
  const { id, name, account: from } = payload.contact ?? {};
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof name !== 'string') {
    badRequest('Choose a contact.');
  }
  // Found before the CRM was switched: its id means nothing here, or another contact.
  if (from !== undefined && from !== accountKey(account.scope)) {
    badRequest('This contact is from the CRM connected before: search again.');
  }
  return { e164: target.phoneNumber, id: cacheId(account.scope, target.phoneNumber) };
}

export async function addNumber(payload: ContactChoice, deps: EngineDeps) {
  const account = await loadAccount(deps);
  const { e164, id } = readChoice(account, payload);
  const { connector, user, authHeader, settings } = account;
  const { pageUrl: _url, account: _key, chosenBefore: _chosen, ...contact } = payload.contact;
  const overridingFormat = joinOverridingFormats(settings.overridingFormats);
  const { defaultCountry } = settings;
  const args = { user, authHeader, contact, phoneNumber: e164, overridingFormat, defaultCountry };
  await crmCall(account, deps, () => connector.addPhoneNumber(args), 'The number was not added');
  // The number now finds the contact from the cache, marked as a create's: a CRM whose search
  // lags (HubSpot) cannot answer it away, and the rest of the entry keeps its own age.
  const added = { ...contact, phone: e164 };
  await addCreatedContact(id, e164, added, deps.now());
  return { contact: toView(account, added) };
}

/** Remembers (or forgets) the contact picked among the number's several. */
export async function pickContact(account: Account, e164: string, contact: Contact, chosen = true) {
  const id = cacheId(account.scope, e164);
  const picked = { i: contact.id, ...(contact.type ? { t: contact.type } : {}) };
  await (chosen ? pickedContacts.set(id, picked) : pickedContacts.remove(id));
  return { contact: { ...toView(account, contact), chosenBefore: chosen } };
}

export async function pick(payload: ContactChoice & { chosen: boolean }, deps: EngineDeps) {
  const account = await loadAccount(deps);
  const { e164 } = readChoice(account, payload);
  return pickContact(account, e164, payload.contact, payload.chosen === true);
}

/** A call logged against one of the number's several cached contacts picks it. */
export async function pickIfShared(account: Account, e164: string, contact: Contact) {
  const entry = await matchCache.get(cacheId(account.scope, e164));
  const shared = entry && contactsOf(entry, e164).length > 1;
  if (!shared || !contactsOf(entry, e164).some((c) => same(c, contact))) return false;
  await pickContact(account, e164, contact);
  return true;
}

/** The picked contact first, marked, when the number has several. */
export async function withPick(account: Account, result: LookupResult): Promise<LookupResult> {
  if (result.contacts.length < 2) return result;
  const picked = await pickedContacts.get(cacheId(account.scope, result.phoneNumber));
  const chosen = picked && result.contacts.find((c) => same(c, { id: picked.i, type: picked.t }));
  if (!chosen) return result;
  const others = result.contacts.filter((c) => c !== chosen);
  // The resolver's order no longer says why the first is first: its mark does.
  const contacts = [{ ...chosen, chosenBefore: true }, ...others];
  return { ...result, contacts, resolution: null };
}
