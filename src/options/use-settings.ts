/**
 * The settings as stored, kept current with changes made anywhere (another tab, the popup), and
 * a `save` that applies one change to the latest stored value so two edits never overwrite each
 * other. Each valid change is saved at once; the page shows a subtle save status.
 *
 * Saves run one after another (each is a read-modify-write of the one settings object), and the
 * page shows a change at once rather than after the round trip through storage.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // While saves are pending, storage events show older states than the page; skip them.
  const pending = useRef(0);

  useEffect(() => {
    let live = true;
    const stop = settingsItem.watch((next) => {
      if (live && pending.current === 0) setSettings(next);
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
    setSettings((current) => (current ? change(current) : current));
    setStatus({ state: 'saving' });
    pending.current += 1;
    const saved = queue.current.then(() => settingsItem.update(change));
    queue.current = saved.catch(() => undefined);
    saved.then(
      (next) => {
        pending.current -= 1;
        if (pending.current > 0) return;
        setSettings(next);
        setStatus({ state: 'saved', at: Date.now() });
      },
      (error: unknown) => {
        pending.current -= 1;
        setStatus({ state: 'failed', message: `Not saved: ${reason(error)}` });
        // Show what is really stored, not the change that failed.
        void settingsItem.get().then(setSettings, () => undefined);
      },
    );
  }, []);

  return { settings, loadError, status, save };
}
