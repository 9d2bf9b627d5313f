/**
 * Pop latency: softphone ring event → the caller's name painted in the call-pop window, measured
 * in one run against the floor of opening an empty extension window. Timestamps are
 * performance.timeOrigin + performance.now() taken inside the pages: the fake softphone stamps
 * the ring notice (rc-call-ring-notify, the real widget's shape), the call window marks the first animation frame that shows the name, and an init
 * script stamps the empty window's first frame.
 */
import type { Page } from '@playwright/test';
import { PIPEDRIVE_NUMBERS, PIPEDRIVE_PERSONS, startPipedrive } from '../e2e/emulators/pipedrive';
import { SoftphonePage } from '../e2e/pages/softphone-page';
import { startSoftphoneServer } from '../e2e/softphone/server';
import { connectPipedrive, sendRequest, updateSettings } from '../e2e/support/demo-setup';
import { NAME_SHOWN_MARK } from '../src/entrypoints/callpop/name-shown-mark';
import { median, ms, openBenchBrowser, type BenchRow } from './support';

const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const NAME = PIPEDRIVE_PERSONS.alice.name;
/** Quiet time before each measured call. */
const SETTLE_MS = 150;
const NUMBER = PIPEDRIVE_NUMBERS.alice;

/** Runs in every page: stamps the empty window's first frame (the floor). */
function stampBlank(): void {
  if (!location.pathname.endsWith('/blank.html')) return;
  requestAnimationFrame(() => {
    document.documentElement.dataset.paintedAt = String(performance.timeOrigin + performance.now());
  });
}

async function blankPaintedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => document.documentElement.dataset.paintedAt);
  return Number(await handle.jsonValue());
}

/**
 * When the call window's first frame with the name began: the page marks it itself
 * (NAME_SHOWN_MARK), since Playwright now and then attaches too late to run an init script.
 */
async function namePaintedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    ({ mark, name }) => {
      const entry = performance.getEntriesByName(mark)[0];
      const named = document.body.textContent?.includes(name);
      return entry && named ? performance.timeOrigin + entry.startTime : undefined;
    },
    { mark: NAME_SHOWN_MARK, name: NAME },
    { timeout: 10_000 },
  );
  return Number(await handle.jsonValue());
}

/** A pop whose name never painted is reported, not hidden: it counts as a miss. */
async function describeMiss(page: Page): Promise<string> {
  return page
    .evaluate(
      () => `${document.visibilityState}: ${document.body.textContent?.slice(0, 160) ?? ''}`,
    )
    .catch((error: Error) => error.message);
}

/** A measured case: the cache is cleared first when the CRM's latency is set (a cold call). */
interface PopCase {
  crmLatency?: number;
}

/** What issue 18 calls a CRM round trip: each request answered after 300 ms. */
export const CRM_ROUND_TRIP_MS = 300;

const CASES: Record<string, PopCase> = {
  warm: {},
  cold100: { crmLatency: 100 },
  [`cold${CRM_ROUND_TRIP_MS}`]: { crmLatency: CRM_ROUND_TRIP_MS },
};

/** The pop in user terms, all medians of the same run. */
export interface PopSummary {
  floorMs: number;
  warmPopMs: number;
  crmRoundTripMs: number;
  coldPopMs: number;
}

export async function benchPopLatency(): Promise<{
  title: string;
  rows: BenchRow[];
  raw: Record<string, number[]>;
  summary: PopSummary;
}> {
  const bench = await openBenchBrowser();
  const crm = await startPipedrive({ rateLimit: { limit: 100_000 } });
  const server = await startSoftphoneServer();
  const raw: Record<string, number[]> = {};
  try {
    const { context, page, extensionId } = bench;
    await context.addInitScript(stampBlank);
    await connectPipedrive(page, crm.url);
    await updateSettings(page, { softphone: { url: server.url } });
    const phonePage = await context.newPage();
    const openSoftphone = () =>
      SoftphonePage.open(
        phonePage,
        (path) => `chrome-extension://${extensionId}/${path}`,
        server.origin,
      );
    let softphone = await openSoftphone();

    /** The floor: an empty extension window, created and painted. */
    async function emptyWindow(): Promise<number> {
      const opened = context.waitForEvent('page', (p) => p.url().endsWith('/blank.html'));
      const start = await phonePage.evaluate(async (url) => {
        const t = performance.timeOrigin + performance.now();
        await chrome.windows.create({ url, type: 'popup', width: 380, height: 560 });
        return t;
      }, `chrome-extension://${extensionId}/src/entrypoints/softphone/blank.html`);
      const window = await opened;
      const painted = await blankPaintedAt(window);
      await window.close();
      return painted - start;
    }

    async function popOnce(opts: PopCase): Promise<number> {
      crm.setLatency(opts.crmLatency ?? 0);
      // A real call does not come on the heels of the last call's teardown or a cache clear.
      // The clear waits too: the widget matches the ended call's number, which must not land
      // after the clear and start the next call's lookup early.
      await phonePage.waitForTimeout(SETTLE_MS);
      if (opts.crmLatency !== undefined) {
        await sendRequest(page, 'cache.clear', undefined);
        await phonePage.waitForTimeout(SETTLE_MS);
      }
      const requestsBefore = crm.log.entries.length;
      const opened = context.waitForEvent('page', (p) =>
        p.url().includes('src/entrypoints/callpop/'),
      );
      await softphone.startCall('Inbound', NUMBER);
      const window = await opened;
      const painted = await namePaintedAt(window).catch(async () => {
        console.error(`pop missed (${JSON.stringify(opts)}): ${await describeMiss(window)}`);
        return NaN;
      });
      // From the widget's real ring notice (rc-call-ring-notify), which the fake posts first.
      const start = (await softphone.state()).ringTimes.at(-1) ?? NaN;
      await softphone.setStatus('NoCall');
      await window.close();
      if (opts.crmLatency !== undefined) {
        // The pop's CRM requests run one after another: their count × latency is the CRM time.
        (raw[`crmMs${opts.crmLatency}`] ??= []).push(
          (crm.log.entries.length - requestsBefore) * opts.crmLatency,
        );
      }
      return painted - start;
    }

    await softphone.match([NUMBER]); // warms the cache
    // Round by round, one call of every case each, so drift in a noisy machine's speed over
    // the run falls on every case alike instead of on whichever series ran then. Each cold
    // call leaves the cache warm for the next round's warm calls.
    // Each starts after a pause (see popOnce).
    for (let round = 0; round < CALLS; round += 1) {
      // A softphone window pops at most 5 new calls a minute; a fresh one starts the count anew.
      if (round > 0) softphone = await openSoftphone();
      await phonePage.waitForTimeout(SETTLE_MS);
      (raw.emptyWindow ??= []).push(await emptyWindow());
      for (const [key, opts] of Object.entries(CASES)) {
        (raw[key] ??= []).push(await popOnce(opts));
      }
    }
  } finally {
    crm.setLatency(0);
    await Promise.allSettled([bench.close(), crm.close(), server.close()]);
  }

  const floor = median(raw.emptyWindow ?? []);
  const rows: BenchRow[] = [
    { metric: 'empty extension window, created → painted', value: ms(floor) },
  ];
  const warm = median(raw.warm ?? []);
  rows.push({
    metric: 'ring → name painted, warm cache',
    value: `${ms(warm)} (floor +${ms(warm - floor)})`,
    goal: '≤ floor + 40 ms',
    pass: warm - floor <= 40,
  });
  const cold = median(raw.cold100 ?? []);
  const crmMs = median(raw.crmMs100 ?? []);
  rows.push({
    metric: 'ring → name painted, cold cache, CRM 100 ms/request',
    value: `${ms(cold)} (CRM ${ms(crmMs)}, +${ms(cold - crmMs)})`,
    goal: '≤ CRM time + 60 ms',
    pass: cold - crmMs <= 60,
  });
  const coldPopMs = median(raw[`cold${CRM_ROUND_TRIP_MS}`] ?? []);
  rows.push({
    metric: `ring → name painted, cold cache, CRM ${CRM_ROUND_TRIP_MS} ms/request`,
    value: `${ms(coldPopMs)} (floor + one round trip + ${ms(coldPopMs - floor - CRM_ROUND_TRIP_MS)})`,
    goal: `≤ floor + ${CRM_ROUND_TRIP_MS} + 40 ms`,
    pass: coldPopMs <= floor + CRM_ROUND_TRIP_MS + 40,
  });
  const missed = Object.values(raw)
    .flat()
    .filter((value) => !Number.isFinite(value)).length;
  rows.push({
    metric: 'pops whose name never painted within 10 s',
    value: String(missed),
    goal: '0',
    pass: missed === 0,
  });
  const summary = { floorMs: floor, warmPopMs: warm, crmRoundTripMs: CRM_ROUND_TRIP_MS, coldPopMs };
  return { title: `Call pop latency (medians of ${CALLS} calls each)`, rows, raw, summary };
}
