/** Contacts as the pages show them: with a safe CRM page URL, never the placeholder. */
import type { CacheScope } from './cache';
import type { Account } from './account';
import type { Contact } from '../model/contact';
import type { ContactView } from '@/platform/messages';
import { renderUrlTemplate } from '@/platform/url-template';
import { ownerName } from './owners';

/** The account a contact belongs to, as views carry it and Saves check it. */
export function accountKey(scope: CacheScope): string {
  return `${scope.platform}:${scope.accountId}`;
}

export function toView(account: Account, contact: Contact): ContactView {
  const { connector, connection, scope } = account;
  const { hostname, pageHost, accountId } = connection;
  const pageUrl = renderUrlTemplate(connector.manifest.contactPageUrl, {
    hostname: pageHost ?? (connector.pageHostname ? connector.pageHostname(hostname) : hostname),
    accountId,
    contactId: contact.id,
    contactType: (contact.type && connector.manifest.pageTypes?.[contact.type]) ?? contact.type,
  });
  const owner = ownerName(account, contact.ownerId);
  return { ...contact, ...(owner ? { owner } : {}), pageUrl, account: accountKey(scope) };
}
