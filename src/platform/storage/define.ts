// Typed chrome.storage items. The version is part of the stored key (`settings@v1`): a shape change
// `withDefaults` cannot read bumps it and adds what moves the old key's data.
import { isRecord } from '../is-record';

type AreaName = 'local' | 'session';

interface ItemDefinition<T> {
  area: AreaName;
  name: string;
  version: number;
  defaultValue: T;
}

export function area(name: AreaName): chrome.storage.StorageArea {
  return chrome.storage[name];
}

/** Fields added to a default later get it when an old value loads, at any depth. */
export function withDefaults<T>(defaultValue: T, stored: unknown): T {
  if (!isRecord(defaultValue) || !isRecord(stored)) return stored as T;
  const merged: Record<string, unknown> = { ...defaultValue, ...stored };
  for (const [field, fallback] of Object.entries(defaultValue)) {
    if (isRecord(fallback) && isRecord(stored[field])) {
      merged[field] = withDefaults(fallback, stored[field]);
    }
  }
  return merged as T;
}

export function defineItem<T>(definition: ItemDefinition<T>) {
  const key = `${definition.name}@v${definition.version}`;
  const storage = () => area(definition.area);
  /** The value in what a read of this area (maybe of several keys) returned. */
  const valueIn = (stored: Record<string, unknown>): T =>
    key in stored ? withDefaults(definition.defaultValue, stored[key]) : definition.defaultValue;
  const get = async () => valueIn(await storage().get(key));

  return {
    definition,
    key,
    valueIn,
    get,
    async set(value: T) {
      await storage().set({ [key]: value });
    },
    async update(change: (current: T) => T) {
      const next = change(await get());
      await storage().set({ [key]: next });
      return next;
    },
    async remove() {
      await storage().remove(key);
    },
    /** Calls back on every change made from any extension context; returns an unsubscribe. */
    watch(callback: (next: T) => void) {
      const listener = (changes: Record<string, chrome.storage.StorageChange>, name: string) => {
        const change = changes[key];
        if (name !== definition.area || !change) return;
        callback(valueIn('newValue' in change ? { [key]: change.newValue } : {}));
      };
      chrome.storage.onChanged.addListener(listener);
      return () => chrome.storage.onChanged.removeListener(listener);
    },
  };
}

type FamilyDefinition = Omit<ItemDefinition<unknown>, 'defaultValue'>;

/** One key per value under one prefix, so that writing one never rewrites the others. */
export function defineFamily<T>(definition: FamilyDefinition) {
  const prefix = `${definition.name}@v${definition.version}:`;
  const keyFor = (id: string): string => `${prefix}${id}`;
  const storage = () => area(definition.area);

  return {
    definition,
    prefix,
    keyFor,
    async get(id: string) {
      const key = keyFor(id);
      return (await storage().get(key))[key] as T | undefined;
    },
    async getMany(ids: readonly string[]) {
      const stored = await storage().get(ids.map(keyFor));
      const found = new Map<string, T>();
      for (const id of ids) {
        const key = keyFor(id);
        if (key in stored) found.set(id, stored[key] as T);
      }
      return found;
    },
    async set(id: string, value: T) {
      await storage().set({ [keyFor(id)]: value });
    },
    async remove(ids: string | readonly string[]) {
      const list = typeof ids === 'string' ? [ids] : ids;
      if (list.length > 0) await storage().remove(list.map(keyFor));
    },
    /** Every id stored in this family. */
    async ids() {
      return (await storage().getKeys())
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length));
    },
  };
}
