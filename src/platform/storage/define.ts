// Typed chrome.storage items. The version is part of the stored key (`settings@v1`), so data of an
// older schema is never read as the new one. Every key is at v1: a shape change that cannot be
// read with `withDefaults` bumps the version and adds what moves the old key's data.

type AreaName = 'local' | 'session';

interface ItemDefinition<T> {
  area: AreaName;
  name: string;
  version: number;
  defaultValue: T;
}

interface StorageItem<T> {
  readonly definition: ItemDefinition<T>;
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(change: (current: T) => T): Promise<T>;
  remove(): Promise<void>;
  /** Calls back on every change made from any extension context; returns an unsubscribe. */
  watch(callback: (next: T) => void): () => void;
}

const declared = new WeakSet<object>();

/** True for what defineItem or defineFamily made: lets a module's exports be walked for its keys. */
export function isDeclared(value: unknown): value is StorageItem<unknown> | StorageFamily<unknown> {
  return typeof value === 'object' && value !== null && declared.has(value);
}

export function area(name: AreaName): chrome.storage.StorageArea {
  return chrome.storage[name];
}

function versionKey(name: string, version: number): string {
  return `${name}@v${version}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields added to a default later get it when an old value loads, at any depth. */
export function withDefaults<T>(defaultValue: T, stored: unknown): T {
  if (!isPlainObject(defaultValue) || !isPlainObject(stored)) return stored as T;
  const merged: Record<string, unknown> = { ...defaultValue, ...stored };
  for (const [field, fallback] of Object.entries(defaultValue)) {
    if (isPlainObject(fallback) && isPlainObject(stored[field])) {
      merged[field] = withDefaults(fallback, stored[field]);
    }
  }
  return merged as T;
}

export function defineItem<T>(definition: ItemDefinition<T>): StorageItem<T> {
  const key = versionKey(definition.name, definition.version);

  async function get(): Promise<T> {
    const stored = await area(definition.area).get(key);
    return key in stored
      ? withDefaults(definition.defaultValue, stored[key])
      : definition.defaultValue;
  }

  const item: StorageItem<T> = {
    definition,
    key,
    get,
    async set(value) {
      await area(definition.area).set({ [key]: value });
    },
    async update(change) {
      const next = change(await get());
      await area(definition.area).set({ [key]: next });
      return next;
    },
    async remove() {
      await area(definition.area).remove(key);
    },
    watch(callback) {
      const listener = (
        changes: Record<string, chrome.storage.StorageChange>,
        areaName: string,
      ): void => {
        if (areaName !== definition.area || !(key in changes)) return;
        const change = changes[key];
        callback(
          change && 'newValue' in change
            ? withDefaults(definition.defaultValue, change.newValue)
            : definition.defaultValue,
        );
      };
      chrome.storage.onChanged.addListener(listener);
      return () => chrome.storage.onChanged.removeListener(listener);
    },
  };
  declared.add(item);
  return item;
}

type FamilyDefinition = Omit<ItemDefinition<unknown>, 'defaultValue'>;

/** One key per value under one prefix, so that writing one never rewrites the others. */
interface StorageFamily<T> {
  readonly definition: FamilyDefinition;
  readonly prefix: string;
  keyFor(id: string): string;
  get(id: string): Promise<T | undefined>;
  getMany(ids: readonly string[]): Promise<Map<string, T>>;
  set(id: string, value: T): Promise<void>;
  setMany(entries: ReadonlyMap<string, T>): Promise<void>;
  remove(ids: string | readonly string[]): Promise<void>;
  /** Every id stored in this family. */
  ids(): Promise<string[]>;
}

export function defineFamily<T>(definition: FamilyDefinition): StorageFamily<T> {
  const prefix = `${versionKey(definition.name, definition.version)}:`;
  const keyFor = (id: string): string => `${prefix}${id}`;
  const storage = (): chrome.storage.StorageArea => area(definition.area);

  const family: StorageFamily<T> = {
    definition,
    prefix,
    keyFor,
    async get(id) {
      const key = keyFor(id);
      const stored = await storage().get(key);
      return stored[key] as T | undefined;
    },
    async getMany(ids) {
      const stored = await storage().get(ids.map(keyFor));
      const found = new Map<string, T>();
      for (const id of ids) {
        const key = keyFor(id);
        if (key in stored) found.set(id, stored[key] as T);
      }
      return found;
    },
    async set(id, value) {
      await storage().set({ [keyFor(id)]: value });
    },
    async setMany(entries) {
      if (entries.size === 0) return;
      await storage().set(Object.fromEntries([...entries].map(([id, v]) => [keyFor(id), v])));
    },
    async remove(ids) {
      const list = typeof ids === 'string' ? [ids] : ids;
      if (list.length > 0) await storage().remove(list.map(keyFor));
    },
    async ids() {
      return (await storage().getKeys())
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length));
    },
  };
  declared.add(family);
  return family;
}
