/** Contacts as the pages show them: with a safe CRM page URL, never the placeholder. */
import type { Connector } from '@/connectors/types';
import type { Connection } from '@/features/connection/model/connection';
import type { CacheScope } from './cache';
import type { Account } from './account';
import type { Contact } from '../model/contact';
import type { ContactView } from '@/platform/messages';
import { renderUrlTemplate } from '@/platform/url-template';

export function contactPageUrl(
  connector: Connector,
  connection: Pick<Connection, 'hostname' | 'accountId' | 'pageHost'>,
  contact: Pick<Contact, 'id' | 'type'>,
): string | null {
  const { hostname, pageHost, accountId } = connection;
  const { id: contactId, type } = contact;
  return renderUrlTemplate(connector.manifest.contactPageUrl, {
    hostname: pageHost ?? (connector.pageHostname ? connector.pageHostname(hostname) : hostname),
    accountId,
    contactId,
    contactType: (type && connector.manifest.pageTypes?.[type]) ?? type,
  });
}

/** The account a contact belongs to, as views carry it and Saves check it. */
export function accountKey(scope: CacheScope): string {
  return `${scope.platform}:${scope.accountId}`;
}

export function toView(account: Account, contact: Contact): ContactView {
  const { connector, connection, scope } = account;
  return {
    ...contact,
    pageUrl: contactPageUrl(connector, connection, contact),
    account: accountKey(scope),
  };
}
