// Typed chrome.storage items. The version is part of the stored key (`settings@v1`), so data of an
// older schema is never read as the new one: the item's migrations convert it.

type AreaName = 'local' | 'session';
type Migration = (previous: unknown) => unknown;

interface ItemDefinition<T> {
  area: AreaName;
  name: string;
  version: number;
  defaultValue: T;
  /** `migrations[n]` turns a value of version n-1 into version n. */
  migrations?: Record<number, Migration>;
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
  /** Moves data from an older version key to this one, if any is stored. */
  migrate(): Promise<void>;
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
  const olderKeys = Array.from({ length: definition.version - 1 }, (_, index) =>
    versionKey(definition.name, index + 1),
  );

  async function migrate(): Promise<void> {
    if (olderKeys.length === 0) return;
    const stored = await area(definition.area).get(olderKeys);
    const from = [...olderKeys].reverse().find((candidate) => candidate in stored);
    if (!from) return;
    let value = stored[from];
    const fromVersion = olderKeys.indexOf(from) + 1;
    for (let version = fromVersion + 1; version <= definition.version; version += 1) {
      const step = definition.migrations?.[version];
      if (!step) {
        // No path from the old schema: fall back to the default rather than misread it.
        value = undefined;
        break;
      }
      value = step(value);
    }
    if (value !== undefined) await area(definition.area).set({ [key]: value });
    await area(definition.area).remove(olderKeys);
  }

  async function get(): Promise<T> {
    const stored = await area(definition.area).get(key);
    if (key in stored) return withDefaults(definition.defaultValue, stored[key]);
    // Only an older version's key could fill this one; without any, skip a second read (this
    // runs per lookup for settings that were never changed).
    if (olderKeys.length === 0) return definition.defaultValue;
    await migrate();
    const migrated = await area(definition.area).get(key);
    return key in migrated
      ? withDefaults(definition.defaultValue, migrated[key])
      : definition.defaultValue;
  }

  const item: StorageItem<T> = {
    definition,
    key,
    get,
    migrate,
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

interface FamilyDefinition {
  area: AreaName;
  name: string;
  version: number;
}

/** One key per value under one prefix, so that writing one never rewrites the others. */
interface StorageFamily<T> {
  readonly definition: FamilyDefinition;
  readonly prefix: string;
  keyFor(id: string): string;
  idOf(key: string): string | null;
  get(id: string): Promise<T | undefined>;
  getMany(ids: readonly string[]): Promise<Map<string, T>>;
  set(id: string, value: T): Promise<void>;
  setMany(entries: ReadonlyMap<string, T>): Promise<void>;
  remove(ids: string | readonly string[]): Promise<void>;
  /** Every id stored in this family. */
  ids(): Promise<string[]>;
  /** Removes entries written by older versions of this family. */
  migrate(): Promise<void>;
}

async function storedKeys(areaName: AreaName): Promise<string[]> {
  const storage = area(areaName) as chrome.storage.StorageArea & {
    getKeys?: () => Promise<string[]>;
  };
  if (typeof storage.getKeys === 'function') return storage.getKeys();
  return Object.keys(await storage.get(null));
}

export function defineFamily<T>(definition: FamilyDefinition): StorageFamily<T> {
  const prefix = `${versionKey(definition.name, definition.version)}:`;
  const keyFor = (id: string): string => `${prefix}${id}`;
  const storage = (): chrome.storage.StorageArea => area(definition.area);

  const family: StorageFamily<T> = {
    definition,
    prefix,
    keyFor,
    idOf: (key) => (key.startsWith(prefix) ? key.slice(prefix.length) : null),
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
      return (await storedKeys(definition.area))
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length));
    },
    async migrate() {
      const older = (await storedKeys(definition.area)).filter(
        (key) => key.startsWith(`${definition.name}@v`) && !key.startsWith(prefix),
      );
      if (older.length > 0) await storage().remove(older);
    },
  };
  declared.add(family);
  return family;
}
