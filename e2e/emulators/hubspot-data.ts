import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  HUBSPOT_PORTAL,
  HUBSPOT_RECORDS,
  type HsObjectType,
  type HsRecord,
} from './hubspot-seed.ts';
import { JsonStore } from './store.ts';

export interface HubSpotState {
  records: HsRecord[];
  nextId: number;
}

export const hubspotSeed = (): HubSpotState => ({
  records: Object.values(HUBSPOT_RECORDS).map((r) => structuredClone<HsRecord>(r)),
  nextId: 1000,
});

// HubSpot's calculated searchable numbers: the digits of the national number, without country
// code or trunk prefix, whatever punctuation was typed (a number without `+` is read nationally).
export function searchableDigits(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(text);
    if (parsed) return parsed.nationalNumber;
  }
  return text.replace(/\D/g, '').replace(/^0+/, '') || null;
}

/** A record's properties with the ones HubSpot calculates. */
export function withCalculated(record: HsRecord): Record<string, string | null> {
  const p = record.properties;
  return {
    ...p,
    hs_object_id: record.id,
    lastmodifieddate: record.updatedAt,
    hs_lastmodifieddate: record.updatedAt,
    hs_searchable_calculated_phone_number: searchableDigits(p.phone),
    hs_searchable_calculated_mobile_number: searchableDigits(p.mobilephone),
  };
}

export interface HubSpotDataOptions {
  dataFile?: string;
  /** How long a created record stays invisible to search (default 0). */
  indexLagMs?: number;
  /** The emulator's clock, so tests move time without waiting. */
  now?: () => number;
  /** The portal's UI domain, where record links open (default app.hubspot.com). */
  uiDomain?: string;
}

export class HubSpotData {
  private readonly store: JsonStore<HubSpotState>;
  indexLagMs: number;
  readonly now: () => number;
  uiDomain: string;

  constructor(opts: HubSpotDataOptions = {}) {
    this.store = new JsonStore(hubspotSeed, opts.dataFile);
    this.indexLagMs = opts.indexLagMs ?? 0;
    this.now = opts.now ?? Date.now;
    this.uiDomain = opts.uiDomain ?? HUBSPOT_PORTAL.uiDomain;
  }

  all(type: HsObjectType): HsRecord[] {
    return this.store.state.records.filter((r) => r.type === type);
  }

  get(type: HsObjectType, id: string): HsRecord | undefined {
    return this.all(type).find((r) => r.id === id);
  }

  /** What search sees now: records indexed by the emulator's clock. */
  searchable(type: HsObjectType): HsRecord[] {
    return this.all(type).filter((r) => r.searchableFrom <= this.now());
  }

  create(
    type: HsObjectType,
    properties: Record<string, string | null>,
    associations: string[] = [],
  ): HsRecord {
    const state = this.store.state;
    const at = new Date(this.now()).toISOString();
    const record: HsRecord = {
      id: String(state.nextId++),
      type,
      properties: { ...properties, createdate: at },
      createdAt: at,
      updatedAt: at,
      searchableFrom: this.now() + this.indexLagMs,
      associations,
    };
    state.records.push(record);
    for (const key of associations) {
      const [toType, toId] = key.split(':') as [HsObjectType, string];
      this.get(toType, toId)?.associations.push(`${type}:${record.id}`);
    }
    this.store.save();
    return record;
  }

  /** Sets the given properties (others keep their values); undefined for an unknown record. */
  update(type: HsObjectType, id: string, properties: Record<string, string | null>) {
    const record = this.get(type, id);
    if (!record) return undefined;
    Object.assign(record.properties, properties);
    record.updatedAt = new Date(this.now()).toISOString();
    this.store.save();
    return record;
  }

  remove(type: HsObjectType, id: string): boolean {
    const state = this.store.state;
    const before = state.records.length;
    state.records = state.records.filter((r) => !(r.type === type && r.id === id));
    for (const r of state.records) {
      r.associations = r.associations.filter((a) => a !== `${type}:${id}`);
    }
    this.store.save();
    return state.records.length < before;
  }

  reset(): void {
    this.store.reset();
  }
}
