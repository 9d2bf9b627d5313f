import { JsonStore } from './store.ts';
import { sqlTime } from './util.ts';
import {
  INSIGHTLY_CONTACTS,
  INSIGHTLY_LEADS,
  INSIGHTLY_ORGS,
  INSIGHTLY_USER,
} from './insightly-seed.ts';

/** Field names as Insightly spells them (UPPER_SNAKE, British ORGANISATION). */
export interface IsContact {
  CONTACT_ID: number;
  FIRST_NAME: string | null;
  LAST_NAME: string | null;
  TITLE: string | null;
  PHONE: string | null;
  PHONE_HOME: string | null;
  PHONE_MOBILE: string | null;
  PHONE_OTHER: string | null;
  EMAIL_ADDRESS: string | null;
  ORGANISATION_ID: number | null;
  OWNER_USER_ID: number;
  DATE_CREATED_UTC: string | null;
  DATE_UPDATED_UTC: string | null;
  LAST_ACTIVITY_DATE_UTC: string | null;
}

export interface IsLead {
  LEAD_ID: number;
  FIRST_NAME: string | null;
  LAST_NAME: string;
  TITLE: string | null;
  PHONE: string | null;
  MOBILE: string | null;
  EMAIL: string | null;
  ORGANISATION_NAME: string | null;
  OWNER_USER_ID: number;
  DATE_CREATED_UTC: string | null;
  DATE_UPDATED_UTC: string | null;
  LAST_ACTIVITY_DATE_UTC: string | null;
}

export interface IsNote {
  NOTE_ID: number;
  TITLE: string;
  BODY: string | null;
  LINK_SUBJECT_ID: number;
  LINK_SUBJECT_TYPE: 'Contact' | 'Lead';
  OWNER_USER_ID: number;
  DATE_CREATED_UTC: string;
  DATE_UPDATED_UTC: string;
}

export interface IsOrg {
  ORGANISATION_ID: number;
  ORGANISATION_NAME: string;
}

export interface InsightlyState {
  contacts: IsContact[];
  leads: IsLead[];
  notes: IsNote[];
  orgs: IsOrg[];
  nextId: number;
  /** Record id -> epoch ms from which search finds it (absent = searchable). */
  searchableAt: Record<string, number>;
}

type Kind = 'contact' | 'lead';

/** State plus the mutation helpers tests use (`emulator.data`). */
export class InsightlyData {
  private readonly store: JsonStore<InsightlyState>;
  indexDelayMs: number;
  /**
   * The order of a record's Notes, which Insightly does not document: oldest first by default;
   * tests also run newest first so nothing relies on either.
   */
  noteOrder: 'newestFirst' | 'oldestFirst' = 'oldestFirst';

  constructor(opts: { dataFile?: string; indexDelayMs?: number; seed?: () => InsightlyState }) {
    this.store = new JsonStore(opts.seed ?? insightlySeed, opts.dataFile);
    this.indexDelayMs = opts.indexDelayMs ?? 0;
  }

  get state(): InsightlyState {
    return this.store.state;
  }

  contacts(): IsContact[] {
    return this.state.contacts;
  }

  leads(): IsLead[] {
    return this.state.leads;
  }

  notes(): IsNote[] {
    return this.state.notes;
  }

  contact(id: number): IsContact | undefined {
    return this.state.contacts.find((x) => x.CONTACT_ID === id);
  }

  lead(id: number): IsLead | undefined {
    return this.state.leads.find((x) => x.LEAD_ID === id);
  }

  org(id: number): IsOrg | undefined {
    return this.state.orgs.find((o) => o.ORGANISATION_ID === id);
  }

  isSearchable(kind: Kind, id: number, now = Date.now()): boolean {
    return (this.state.searchableAt[`${kind}:${id}`] ?? 0) <= now;
  }

  addContact(fields: Partial<Omit<IsContact, 'CONTACT_ID'>>): IsContact {
    const now = sqlTime();
    const contact: IsContact = {
      FIRST_NAME: null,
      LAST_NAME: null,
      TITLE: null,
      PHONE: null,
      PHONE_HOME: null,
      PHONE_MOBILE: null,
      PHONE_OTHER: null,
      EMAIL_ADDRESS: null,
      ORGANISATION_ID: null,
      OWNER_USER_ID: INSIGHTLY_USER.USER_ID,
      DATE_CREATED_UTC: now,
      DATE_UPDATED_UTC: now,
      LAST_ACTIVITY_DATE_UTC: null,
      ...fields,
      CONTACT_ID: this.state.nextId++,
    };
    this.state.contacts.push(contact);
    this.markNew('contact', contact.CONTACT_ID);
    return contact;
  }

  addLead(fields: Partial<Omit<IsLead, 'LEAD_ID'>> & { LAST_NAME: string }): IsLead {
    const now = sqlTime();
    const lead: IsLead = {
      FIRST_NAME: null,
      TITLE: null,
      PHONE: null,
      MOBILE: null,
      EMAIL: null,
      ORGANISATION_NAME: null,
      OWNER_USER_ID: INSIGHTLY_USER.USER_ID,
      DATE_CREATED_UTC: now,
      DATE_UPDATED_UTC: now,
      LAST_ACTIVITY_DATE_UTC: null,
      ...fields,
      LEAD_ID: this.state.nextId++,
    };
    this.state.leads.push(lead);
    this.markNew('lead', lead.LEAD_ID);
    return lead;
  }

  addNote(type: 'Contact' | 'Lead', subjectId: number, title: string, body: string | null): IsNote {
    const now = sqlTime();
    const note: IsNote = {
      NOTE_ID: this.state.nextId++,
      TITLE: title,
      BODY: body,
      LINK_SUBJECT_ID: subjectId,
      LINK_SUBJECT_TYPE: type,
      OWNER_USER_ID: INSIGHTLY_USER.USER_ID,
      DATE_CREATED_UTC: now,
      DATE_UPDATED_UTC: now,
    };
    this.state.notes.push(note);
    this.store.save();
    return note;
  }

  updateNote(id: number, fields: Partial<Pick<IsNote, 'TITLE' | 'BODY'>>): IsNote | undefined {
    const note = this.state.notes.find((n) => n.NOTE_ID === id);
    if (!note) return undefined;
    Object.assign(note, fields, { DATE_UPDATED_UTC: sqlTime() });
    this.store.save();
    return note;
  }

  /** False when there was no such record. */
  deleteRecord(type: 'Contact' | 'Lead', id: number): boolean {
    const before = this.state.contacts.length + this.state.leads.length;
    if (type === 'Contact') {
      this.state.contacts = this.state.contacts.filter((c) => c.CONTACT_ID !== id);
    } else this.state.leads = this.state.leads.filter((l) => l.LEAD_ID !== id);
    if (this.state.contacts.length + this.state.leads.length === before) return false;
    this.store.save();
    return true;
  }

  /** False when there was no such note. */
  deleteNote(id: number): boolean {
    const before = this.state.notes.length;
    this.state.notes = this.state.notes.filter((n) => n.NOTE_ID !== id);
    if (this.state.notes.length === before) return false;
    this.store.save();
    return true;
  }

  /** `PUT /v3.1/Contacts`: changes only the fields given; undefined when there is no such one. */
  updateContact(id: number, fields: Partial<Omit<IsContact, 'CONTACT_ID'>>): IsContact | undefined {
    const contact = this.contact(id);
    if (!contact) return undefined;
    Object.assign(contact, fields, { DATE_UPDATED_UTC: sqlTime() });
    this.store.save();
    return contact;
  }

  /** `PUT /v3.1/Leads`: changes only the fields given; undefined when there is no such lead. */
  updateLead(id: number, fields: Partial<Omit<IsLead, 'LEAD_ID'>>): IsLead | undefined {
    const lead = this.lead(id);
    if (!lead) return undefined;
    Object.assign(lead, fields, { DATE_UPDATED_UTC: sqlTime() });
    this.store.save();
    return lead;
  }

  renameContact(id: number, first: string | null, last: string | null): IsContact {
    const contact = must(this.contact(id), `contact ${id}`);
    Object.assign(contact, { FIRST_NAME: first, LAST_NAME: last, DATE_UPDATED_UTC: sqlTime() });
    this.store.save();
    return contact;
  }

  renameLead(id: number, first: string | null, last: string): IsLead {
    const lead = must(this.lead(id), `lead ${id}`);
    Object.assign(lead, { FIRST_NAME: first, LAST_NAME: last, DATE_UPDATED_UTC: sqlTime() });
    this.store.save();
    return lead;
  }

  deleteContact(id: number): void {
    must(this.contact(id), `contact ${id}`);
    this.state.contacts = this.state.contacts.filter((x) => x.CONTACT_ID !== id);
    this.store.save();
  }

  deleteLead(id: number): void {
    must(this.lead(id), `lead ${id}`);
    this.state.leads = this.state.leads.filter((x) => x.LEAD_ID !== id);
    this.store.save();
  }

  setIndexDelay(ms: number): void {
    this.indexDelayMs = ms;
  }

  indexNow(): void {
    this.state.searchableAt = {};
    this.store.save();
  }

  reset(): void {
    this.store.reset();
    this.noteOrder = 'oldestFirst';
  }

  private markNew(kind: Kind, id: number): void {
    if (this.indexDelayMs > 0) {
      this.state.searchableAt[`${kind}:${id}`] = Date.now() + this.indexDelayMs;
    }
    this.store.save();
  }
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no Insightly ${what}`);
  return value;
}

export function insightlySeed(): InsightlyState {
  const contacts = Object.values(INSIGHTLY_CONTACTS).map((s): IsContact => ({
    CONTACT_ID: s.id,
    FIRST_NAME: s.first,
    LAST_NAME: s.last,
    TITLE: s.title,
    PHONE: s.phone,
    PHONE_HOME: null,
    PHONE_MOBILE: s.mobile,
    PHONE_OTHER: null,
    EMAIL_ADDRESS: s.email,
    ORGANISATION_ID: s.orgId,
    OWNER_USER_ID: INSIGHTLY_USER.USER_ID,
    DATE_CREATED_UTC: s.created,
    DATE_UPDATED_UTC: s.created,
    LAST_ACTIVITY_DATE_UTC: null,
  }));
  const leads = Object.values(INSIGHTLY_LEADS).map((s): IsLead => ({
    LEAD_ID: s.id,
    FIRST_NAME: s.first,
    LAST_NAME: s.last,
    TITLE: null,
    PHONE: s.phone,
    MOBILE: s.mobile,
    EMAIL: null,
    ORGANISATION_NAME: s.org,
    OWNER_USER_ID: INSIGHTLY_USER.USER_ID,
    DATE_CREATED_UTC: s.created,
    DATE_UPDATED_UTC: s.created,
    LAST_ACTIVITY_DATE_UTC: null,
  }));
  return {
    contacts,
    leads,
    notes: [],
    orgs: Object.values(INSIGHTLY_ORGS).map((o) => ({ ...o })),
    nextId: 5000,
    searchableAt: {},
  };
}
