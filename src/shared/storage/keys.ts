/**
 * Every chrome.storage key CallPop uses, declared once. Bump an item's version when its shape
 * changes and add a migration; the unit tests check that names are unique and well formed.
 */
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

export const ALL_ITEMS: readonly StorageItem<unknown>[] = [installInfo];
export const ALL_FAMILIES: readonly StorageFamily<unknown>[] = [];
