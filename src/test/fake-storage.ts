import { FakeEvent } from './fake-event';

type ChangeListener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => void;

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** An in-memory chrome.storage area that reports changes like the real one. */
export class FakeStorageArea {
  readonly data = new Map<string, unknown>();
  readonly onChanged = new FakeEvent<
    (changes: Record<string, chrome.storage.StorageChange>) => void
  >();
  accessLevel: string = 'TRUSTED_CONTEXTS';

  constructor(
    readonly areaName: string,
    private readonly globalChanged: FakeEvent<ChangeListener>,
  ) {}

  async get(
    keys?: string | string[] | Record<string, unknown> | null,
  ): Promise<Record<string, unknown>> {
    await Promise.resolve();
    const result: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      for (const [key, value] of this.data) result[key] = clone(value);
      return result;
    }
    if (typeof keys === 'string' || Array.isArray(keys)) {
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        if (this.data.has(key)) result[key] = clone(this.data.get(key));
      }
      return result;
    }
    for (const [key, fallback] of Object.entries(keys)) {
      result[key] = this.data.has(key) ? clone(this.data.get(key)) : fallback;
    }
    return result;
  }

  async getKeys(): Promise<string[]> {
    await Promise.resolve();
    return [...this.data.keys()];
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await Promise.resolve();
    const changes: Record<string, chrome.storage.StorageChange> = {};
    for (const [key, value] of Object.entries(items)) {
      if (value === undefined) continue;
      const oldValue = this.data.get(key);
      this.data.set(key, clone(value));
      changes[key] = { oldValue: clone(oldValue), newValue: clone(value) };
    }
    this.emit(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    await Promise.resolve();
    const changes: Record<string, chrome.storage.StorageChange> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: clone(this.data.get(key)) };
      this.data.delete(key);
    }
    this.emit(changes);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }

  /** Same measure as Chrome: key length plus the JSON length of the value. */
  async getBytesInUse(keys?: string | string[] | null): Promise<number> {
    await Promise.resolve();
    const selected =
      keys === null || keys === undefined
        ? [...this.data.keys()]
        : typeof keys === 'string'
          ? [keys]
          : keys;
    return selected
      .filter((key) => this.data.has(key))
      .reduce((sum, key) => sum + key.length + JSON.stringify(this.data.get(key)).length, 0);
  }

  async setAccessLevel(options: { accessLevel: string }): Promise<void> {
    await Promise.resolve();
    this.accessLevel = options.accessLevel;
  }

  private emit(changes: Record<string, chrome.storage.StorageChange>): void {
    if (Object.keys(changes).length === 0) return;
    this.onChanged.dispatch(changes);
    this.globalChanged.dispatch(changes, this.areaName);
  }
}
