/** Contacts as the pages show them: with a safe CRM page URL, never the placeholder. */
import type { ConnectorManifest } from '@/connectors/types';
import type { Contact } from '@/shared/contact';
import type { ContactView } from '@/shared/messages';
import { renderUrlTemplate } from '@/shared/url-template';

export function contactPageUrl(
  manifest: ConnectorManifest,
  hostname: string,
  contact: Pick<Contact, 'id' | 'type'>,
): string | null {
  return renderUrlTemplate(manifest.contactPageUrl, {
    hostname,
    contactId: contact.id,
    contactType: contact.type,
  });
}

export function toView(
  manifest: ConnectorManifest,
  hostname: string,
  contact: Contact,
): ContactView {
  return { ...contact, pageUrl: contactPageUrl(manifest, hostname, contact) };
}
