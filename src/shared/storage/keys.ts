/**
 * Every chrome.storage key CallPop uses, declared once. Bump an item's version when its shape
 * changes and add a migration; the unit tests check that names are unique and well formed.
 */
import type { Connection } from '../connection';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { defineItem, type StorageFamily, type StorageItem } from './define';

export interface InstallInfo {
  installedAt: number | null;
  version: string | null;
}

export const installInfo = defineItem<InstallInfo>({
  area: 'local',
  name: 'install',
  version: 1,
  defaultValue: { installedAt: null, version: null },
});

export const settingsItem = defineItem<Settings>({
  area: 'local',
  name: 'settings',
  version: 1,
  defaultValue: DEFAULT_SETTINGS,
});

/** Holds the CRM credentials: local area, which only CallPop's own pages and worker can read. */
export const connectionItem = defineItem<Connection | null>({
  area: 'local',
  name: 'connection',
  version: 1,
  defaultValue: null,
});

export const ALL_ITEMS: readonly StorageItem<unknown>[] = [
  installInfo,
  settingsItem,
  connectionItem,
];
export const ALL_FAMILIES: readonly StorageFamily<unknown>[] = [];
