import { randomBytes, randomUUID } from 'node:crypto';
import { JsonStore } from './store.ts';
import { isoTime } from './util.ts';
import {
  PIPEDRIVE_DEALS,
  PIPEDRIVE_LEADS,
  PIPEDRIVE_ORGS,
  PIPEDRIVE_PERSONS,
  PIPEDRIVE_USER,
  type SeedPerson,
} from './pipedrive-seed.ts';

export interface PdField {
  value: string;
  primary: boolean;
  label: string;
}

export interface PdPerson {
  id: number;
  name: string;
  first_name: string;
  last_name: string;
  phones: PdField[];
  emails: PdField[];
  org_id: number | null;
  owner_id: number;
  /** ISO 8601 UTC, or null for records imported without one. */
  add_time: string | null;
  update_time: string | null;
  visible_to: number;
  /** Epoch ms from which search finds the person (search indexes asynchronously). */
  searchable_at: number;
}

export interface PdOrg {
  id: number;
  name: string;
  address: string | null;
}

export interface PdDeal {
  id: number;
  title: string;
  person_id: number | null;
  org_id: number | null;
  status: 'open' | 'won' | 'lost';
  value: number;
  currency: string;
  add_time: string;
}

export interface PdLead {
  id: string;
  title: string;
  person_id: number | null;
  organization_id: number | null;
  add_time: string;
}

export interface PdCallLog {
  id: string;
  user_id: number;
  company_id: number;
  activity_id: number | null;
  person_id: number | null;
  org_id: number | null;
  deal_id: number | null;
  lead_id: string | null;
  subject: string | null;
  duration: string | null;
  outcome: string;
  from_phone_number: string | null;
  to_phone_number: string;
  start_time: string;
  end_time: string;
  note: string | null;
  has_recording: boolean;
}

export interface PipedriveState {
  persons: PdPerson[];
  orgs: PdOrg[];
  deals: PdDeal[];
  leads: PdLead[];
  callLogs: PdCallLog[];
  nextPersonId: number;
}

export interface NewPerson {
  name: string;
  phones?: (string | Partial<PdField>)[];
  emails?: (string | Partial<PdField>)[];
  org_id?: number | null;
  owner_id?: number;
  /** ISO time; default now. Pass null to create a person without add_time. */
  add_time?: string | null;
}

/** State plus the mutation helpers tests use (`emulator.data`). */
export class PipedriveData {
  private readonly store: JsonStore<PipedriveState>;
  indexDelayMs: number;
  /**
   * The order of `GET /v1/callLogs`, which Pipedrive does not document: newest first by
   * default; tests also run oldest first so nothing relies on either.
   */
  callLogOrder: 'newestFirst' | 'oldestFirst' = 'newestFirst';
  /** Ids of call logs deleted through the API: Pipedrive answers 410 Gone for them. */
  private readonly deletedCallLogs = new Set<string>();

  constructor(opts: { dataFile?: string; indexDelayMs?: number; seed?: () => PipedriveState }) {
    this.store = new JsonStore(opts.seed ?? pipedriveSeed, opts.dataFile);
    this.indexDelayMs = opts.indexDelayMs ?? 0;
  }

  get state(): PipedriveState {
    return this.store.state;
  }

  persons(): PdPerson[] {
    return this.state.persons;
  }

  person(id: number): PdPerson | undefined {
    return this.state.persons.find((x) => x.id === id);
  }

  org(id: number | null): PdOrg | undefined {
    return id === null ? undefined : this.state.orgs.find((o) => o.id === id);
  }

  deals(): PdDeal[] {
    return this.state.deals;
  }

  leads(): PdLead[] {
    return this.state.leads;
  }

  callLogs(): PdCallLog[] {
    return this.state.callLogs;
  }

  /** Creates a person; search finds it only after indexDelayMs, like the real index. */
  addPerson(input: NewPerson): PdPerson {
    const now = new Date();
    const id = this.state.nextPersonId++;
    const [first = '', ...rest] = input.name.trim().split(/\s+/);
    const person: PdPerson = {
      id,
      name: input.name,
      first_name: first,
      last_name: rest.join(' '),
      phones: normaliseFields(input.phones ?? [], 'work'),
      emails: normaliseFields(input.emails ?? [], 'work'),
      org_id: input.org_id ?? null,
      owner_id: input.owner_id ?? PIPEDRIVE_USER.id,
      add_time: input.add_time === undefined ? isoTime(now) : input.add_time,
      update_time: isoTime(now),
      visible_to: 3,
      searchable_at: now.getTime() + this.indexDelayMs,
    };
    this.state.persons.push(person);
    this.store.save();
    return person;
  }

  renamePerson(id: number, name: string): PdPerson {
    const person = this.mustFind(id);
    const [first = '', ...rest] = name.trim().split(/\s+/);
    Object.assign(person, { name, first_name: first, last_name: rest.join(' ') });
    person.update_time = isoTime();
    this.store.save();
    return person;
  }

  /**
   * `PATCH /api/v2/persons/{id}`: changes only the fields given; undefined when there is no such
   * person. Search keeps finding the person (it is indexed already) under the new name.
   */
  updatePerson(
    id: number,
    changes: { name?: string; phones?: PdField[]; emails?: PdField[]; org_id?: number | null },
  ): PdPerson | undefined {
    const person = this.person(id);
    if (!person) return undefined;
    if (changes.name !== undefined) {
      const [first = '', ...rest] = changes.name.trim().split(/\s+/);
      Object.assign(person, { name: changes.name, first_name: first, last_name: rest.join(' ') });
    }
    if (changes.phones !== undefined) person.phones = changes.phones;
    if (changes.emails !== undefined) person.emails = changes.emails;
    if (changes.org_id !== undefined) person.org_id = changes.org_id;
    person.update_time = isoTime();
    this.store.save();
    return person;
  }

  deletePerson(id: number): void {
    this.mustFind(id);
    this.state.persons = this.state.persons.filter((x) => x.id !== id);
    this.store.save();
  }

  addCallLog(log: Omit<PdCallLog, 'id' | 'user_id' | 'company_id' | 'has_recording'>): PdCallLog {
    const stored: PdCallLog = {
      id: randomBytes(12).toString('hex'),
      user_id: PIPEDRIVE_USER.id,
      company_id: PIPEDRIVE_USER.company_id,
      has_recording: false,
      ...log,
    };
    this.state.callLogs.push(stored);
    this.store.save();
    return stored;
  }

  /** 'deleted', 'gone' (deleted before) or 'missing' (never existed). */
  deleteCallLog(id: string): 'deleted' | 'gone' | 'missing' {
    if (this.deletedCallLogs.has(id)) return 'gone';
    const before = this.state.callLogs.length;
    this.state.callLogs = this.state.callLogs.filter((l) => l.id !== id);
    if (this.state.callLogs.length === before) return 'missing';
    this.deletedCallLogs.add(id);
    this.store.save();
    return 'deleted';
  }

  addLead(title: string, personId: number | null): PdLead {
    const lead = {
      id: randomUUID(),
      title,
      person_id: personId,
      organization_id: null,
      add_time: isoTime(),
    };
    this.state.leads.push(lead);
    this.store.save();
    return lead;
  }

  setIndexDelay(ms: number): void {
    this.indexDelayMs = ms;
  }

  /** Makes every pending person searchable now (the index caught up). */
  indexNow(): void {
    for (const person of this.state.persons) person.searchable_at = 0;
    this.store.save();
  }

  reset(): void {
    this.store.reset();
    this.callLogOrder = 'newestFirst';
    this.deletedCallLogs.clear();
  }

  private mustFind(id: number): PdPerson {
    const person = this.person(id);
    if (!person) throw new Error(`no Pipedrive person ${id}`);
    return person;
  }
}

/** Accepts a string, an array of strings or of {value, primary, label}, as the API does. */
export function normaliseFields(input: unknown, defaultLabel: string): PdField[] {
  const list = Array.isArray(input) ? input : input == null || input === '' ? [] : [input];
  const fields = list
    .map((f: unknown): PdField | null => {
      if (typeof f === 'string') return { value: f, primary: false, label: defaultLabel };
      if (typeof f !== 'object' || f === null) return null;
      const o = f as Partial<Record<keyof PdField, unknown>>;
      if (typeof o.value !== 'string') return null;
      const label = typeof o.label === 'string' && o.label ? o.label : defaultLabel;
      return { value: o.value, primary: o.primary === true || o.primary === 'true', label };
    })
    .filter((f): f is PdField => f !== null && f.value !== '');
  if (fields.length > 0 && !fields.some((f) => f.primary)) fields[0]!.primary = true;
  return fields;
}

export function pipedriveSeed(): PipedriveState {
  const persons = Object.values(PIPEDRIVE_PERSONS).map((s: SeedPerson): PdPerson => {
    const [first = '', ...rest] = s.name.split(' ');
    const phones = [
      ...(s.phone ? [{ value: s.phone, primary: true, label: 'work' }] : []),
      ...(s.extraPhones ?? []).map((x) => ({ ...x, primary: false })),
    ];
    return {
      id: s.id,
      name: s.name,
      first_name: first,
      last_name: rest.join(' '),
      phones,
      emails: s.email ? [{ value: s.email, primary: true, label: 'work' }] : [],
      org_id: s.orgId,
      owner_id: PIPEDRIVE_USER.id,
      add_time: s.addTime,
      update_time: s.addTime,
      visible_to: 3,
      searchable_at: 0,
    };
  });
  const deals = Object.values(PIPEDRIVE_DEALS).map((d, i) => ({
    id: d.id,
    title: d.title,
    person_id: d.personId,
    org_id: d.orgId,
    status: d.status,
    value: 12000 + i * 5000,
    currency: 'USD',
    add_time: '2024-01-15T10:00:00Z',
  }));
  const leads = Object.values(PIPEDRIVE_LEADS).map((l) => ({
    id: l.id,
    title: l.title,
    person_id: l.personId,
    organization_id: null,
    add_time: '2024-02-01T12:00:00Z',
  }));
  return {
    persons,
    orgs: Object.values(PIPEDRIVE_ORGS).map((o) => ({ ...o })),
    deals,
    leads,
    callLogs: [],
    nextPersonId: 1000,
  };
}
