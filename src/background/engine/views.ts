/** Contacts as the pages show them: with a safe CRM page URL, never the placeholder. */
import type { Connector } from '@/connectors/types';
import type { Contact } from '@/shared/contact';
import type { ContactView } from '@/shared/messages';
import { renderUrlTemplate } from '@/shared/url-template';

export function contactPageUrl(
  connector: Connector,
  hostname: string,
  contact: Pick<Contact, 'id' | 'type'>,
): string | null {
  return renderUrlTemplate(connector.manifest.contactPageUrl, {
    hostname: connector.pageHostname ? connector.pageHostname(hostname) : hostname,
    contactId: contact.id,
    contactType: contact.type,
  });
}

export function toView(connector: Connector, hostname: string, contact: Contact): ContactView {
  return { ...contact, pageUrl: contactPageUrl(connector, hostname, contact) };
}
