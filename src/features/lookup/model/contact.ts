// Connector contract shapes (findContact / createContact, as App Connect defines them): field
// names follow the contracts exactly.

export type MessageType = 'success' | 'warning' | 'danger';

export interface ReturnMessage {
  message: string;
  messageType: MessageType;
  /** Milliseconds the message stays on screen. */
  ttl: number;
  details?: { title: string; items: { id: string | number; type: 'text'; text: string }[] }[];
}

/** One contact as findContact returns it. */
export interface Contact {
  id: string | number;
  name: string;
  phone?: string;
  type?: string;
  title?: string;
  company?: string;
  email?: string;
  /** The CRM record's creation time, in any format the created-date resolver accepts. */
  createdDate?: string | number;
  mostRecentActivityDate?: string | number;
  /** CallPop's addition: open deals, where the lookup's own answer counts them. */
  openDeals?: number;
  /** The CRM user owning the contact; the worker names it (`owner`) from the account's users. */
  ownerId?: string;
  owner?: string;
  additionalInfo?: Record<string, unknown> | null;
  /** CallPop's addition: picked for this number before (listed first); false once forgotten. */
  chosenBefore?: boolean;
  /** Only on the "Create new contact..." placeholder. */
  isNewContact?: boolean;
}

/** The placeholder a connector appends when the CRM lets users create contacts. */
export const CREATE_NEW_CONTACT: Contact = Object.freeze({
  id: 'createNewContact',
  name: 'Create new contact...',
  isNewContact: true,
  additionalInfo: null,
});

export function isPlaceholder(contact: Contact): boolean {
  return contact.isNewContact === true;
}

export interface FindContactResult {
  successful: boolean;
  matchedContactInfo: Contact[] | null;
  returnMessage?: ReturnMessage | null;
  extraDataTracking?: Record<string, unknown>;
}

export interface CreateContactResult {
  contactInfo: Pick<Contact, 'id' | 'name' | 'type'> | null;
  returnMessage?: ReturnMessage | null;
  extraDataTracking?: Record<string, unknown>;
}

export interface ContactType {
  display: string;
  value: string;
}
