/**
 * The settings as stored, kept current with changes made anywhere (another tab, the popup), and
 * a `save` that applies one change to the latest stored value so two edits never overwrite each
 * other. Each valid change is saved at once; the page shows a subtle save status.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '@/shared/settings';
import { settingsItem } from '@/shared/storage/keys';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; message: string };

export interface SettingsState {
  settings: Settings | null;
  loadError: string | null;
  status: SaveStatus;
  save: (change: (current: Settings) => Settings) => void;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });

  useEffect(() => {
    let live = true;
    const stop = settingsItem.watch((next) => {
      if (live) setSettings(next);
    });
    settingsItem.get().then(
      (value) => {
        if (live) setSettings(value);
      },
      (error: unknown) => {
        if (live) setLoadError(`Your settings could not be read: ${reason(error)}`);
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const save = useCallback((change: (current: Settings) => Settings) => {
    setStatus({ state: 'saving' });
    settingsItem.update(change).then(
      (next) => {
        setSettings(next);
        setStatus({ state: 'saved', at: Date.now() });
      },
      (error: unknown) => setStatus({ state: 'failed', message: `Not saved: ${reason(error)}` }),
    );
  }, []);

  return { settings, loadError, status, save };
}
