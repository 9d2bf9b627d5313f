import type { BrowserContext, Page } from '@playwright/test';

interface WorkerVersion {
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * Stops the extension's service worker as Chrome does when it idles, and resolves once Chrome
 * reports it stopped. Playwright keeps the same Worker object across the stop (and a later
 * evaluate restarts it), so the stop is confirmed through CDP's own version events.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('service worker did not stop')), 10_000);
      cdp.on(
        'ServiceWorker.workerVersionUpdated',
        ({ versions }: { versions: WorkerVersion[] }) => {
          const ours = versions.filter((v) => v.scriptURL.startsWith('chrome-extension://'));
          if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
            clearTimeout(timer);
            resolve();
          }
        },
      );
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
  }
}
