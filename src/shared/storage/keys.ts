/**
 * Every chrome.storage key CallPop uses, declared once. Bump an item's version when its shape
 * changes and add a migration; the unit tests check that names are unique and well formed.
 */
import type { Connection } from '../connection';
import type { CallDirection, CallStatus, LookupResult } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { defineFamily, defineItem, type StorageFamily, type StorageItem } from './define';

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

/** What CallPop knows about one call, while it lasts (see src/background/callpop). */
export interface CallSession {
  sessionId: string;
  direction: CallDirection;
  status: CallStatus;
  /** The other party's number as the softphone sent it. */
  phoneNumber: string;
  /** The caller id name the softphone showed, if any. */
  callerName?: string;
  startTime: number;
  firstEventAt: number;
  updatedAt: number;
  lookup:
    | { state: 'pending'; startedAt: number }
    | { state: 'done'; result: LookupResult }
    | { state: 'failed'; message: string };
  /** `claimed` is written before anything opens, so a second event never pops again. */
  pop:
    | { state: 'none' }
    | { state: 'claimed'; at: number }
    | { state: 'done'; at: number; opened: 'window' | 'tabs' | 'nothing'; reason: string };
  /** The call-pop window, while it is open. */
  windowId: number | null;
}

/** One entry per call, by softphone sessionId; session area, so it never outlives the browser. */
export const callSessions = defineFamily<CallSession>({
  area: 'session',
  name: 'callSession',
  version: 1,
});

export const ALL_ITEMS: readonly StorageItem<unknown>[] = [
  installInfo,
  settingsItem,
  connectionItem,
];
export const ALL_FAMILIES: readonly StorageFamily<unknown>[] = [
  callSessions as StorageFamily<unknown>,
];
