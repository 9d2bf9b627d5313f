import type { Worker } from '@playwright/test';

/** A chrome.storage.local value, read in the extension's worker. */
export async function storedLocal(worker: Worker, key: string): Promise<unknown> {
  return worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

/** The stored settings (`settings@v1`), or undefined before anything was saved. */
export async function storedSettings(worker: Worker): Promise<Record<string, unknown> | undefined> {
  return (await storedLocal(worker, 'settings@v1')) as Record<string, unknown> | undefined;
}
