/** Shared pieces of the benchmarks: a browser with CallPop, connected to an emulated CRM. */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { launchWithExtension, serviceWorkerOf } from '../e2e/fixtures';

export interface BenchRow {
  metric: string;
  value: string;
  goal?: string;
  pass?: boolean;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
  raw: Record<string, number[] | number>;
}

export interface BenchBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** An extension page to send requests from. */
  page: Page;
  close: () => Promise<void>;
}

export async function openBenchBrowser(): Promise<BenchBrowser> {
  const { context, close } = await launchWithExtension();
  // tsx (esbuild keepNames) wraps named closures in __name(); functions serialised into pages
  // by evaluate/addInitScript need it defined there.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const worker = await serviceWorkerOf(context);
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  // An empty extension page: requests need one, and a real page (options) would add its own work.
  await page.goto(`chrome-extension://${extensionId}/src/entrypoints/softphone/blank.html`);
  return { context, worker, extensionId, page, close };
}

/** Median of the finite samples (a missed measurement is NaN and reported separately). */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;
