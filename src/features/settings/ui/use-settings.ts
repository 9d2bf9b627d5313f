// Saves apply each change to the latest stored value, one after another, so two edits never
// overwrite each other; `save` reports failure so a field keeps what failed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../model/settings';
import { settingsItem } from '@/platform/storage/keys';
import { messageOf } from '@/platform/message-of';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; message: string };

export type SaveOutcome = { ok: true } | { ok: false; message: string };

/** Applies one change to the settings; never rejects. */
export type Save = (change: (current: Settings) => Settings) => Promise<SaveOutcome>;

export type SectionProps = { settings: Settings; save: Save };

export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // While saves are pending, storage events show older states than the page; skip them.
  const pending = useRef(0);
  // The settings the page shows, changes not yet stored included: what a hidden page writes.
  const known = useRef<Settings | null>(null);

  const show = useCallback((next: Settings) => {
    known.current = next;
    setSettings(next);
  }, []);

  useEffect(() => {
    let live = true;
    const stop = settingsItem.watch((next) => {
      if (live && pending.current === 0) show(next);
    });
    settingsItem.get().then(
      (value) => {
        if (live && known.current === null) show(value);
      },
      (error: unknown) => {
        if (live) setLoadError(`Your settings could not be read: ${messageOf(error)}`);
      },
    );
    // Saves still waiting on a read when the page goes away would be lost: write them now. A page
    // being closed or left is hidden before its `pagehide`, so fields saving then write at once.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden' && pending.current > 0 && known.current) {
        void settingsItem.set(known.current);
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [show]);

  const save = useCallback<Save>(
    (change) => {
      // Fields are drawn once the settings are loaded, so there is always a current value.
      show(change(known.current!));
      setStatus({ state: 'saving' });
      pending.current += 1;
      // A page going away drops the answer to any storage read it waits for, so a
      // read-modify-write started now would never write: write what the page knows, at once.
      const written = document.visibilityState === 'hidden' ? known.current : null;
      const saved = written
        ? settingsItem.set(written).then(() => written)
        : queue.current.then(() => settingsItem.update(change));
      queue.current = saved.catch(() => undefined);
      return saved.then(
        (next): SaveOutcome => {
          pending.current -= 1;
          if (pending.current === 0) {
            show(next);
            setStatus({ state: 'saved', at: Date.now() });
          }
          return { ok: true };
        },
        (error: unknown): SaveOutcome => {
          pending.current -= 1;
          const said = `Not saved: ${messageOf(error)}`;
          const message = /[.!?]$/.test(said) ? said : `${said}.`;
          setStatus({ state: 'failed', message });
          // Show what is really stored, not the change that failed (later saves show it
          // themselves); text fields keep what was typed.
          if (pending.current === 0) {
            void settingsItem.get().then(
              (stored) => {
                if (pending.current === 0) show(stored);
              },
              () => undefined,
            );
          }
          return { ok: false, message };
        },
      );
    },
    [show],
  );

  return { settings, loadError, status, save };
}
