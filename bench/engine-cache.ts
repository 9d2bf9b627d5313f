/**
 * Contact-engine benchmarks, in one run of the real service worker against the Pipedrive
 * emulator: lookup cost with 10 versus 100,000 cached numbers, bytes stored per cached number,
 * and CRM requests for 200 lookups over 50 numbers; the last again on HubSpot, whose search
 * allows 4 requests a second.
 */
import type { Page } from '@playwright/test';
import { startHubSpot } from '../e2e/emulators/hubspot';
import { startPipedrive } from '../e2e/emulators/pipedrive';
import { hubspotDraft } from '../e2e/support/connect';
import { connectPipedrive, updateSettings } from '../e2e/support/demo-setup';
import { sendRequest } from '../e2e/support/requests';
import { median, ms, openBenchBrowser, type BenchSection } from './support';

const SEARCH_PATH = '/api/v2/persons/search';
const HUBSPOT_CONTACT_SEARCH = '/crm/v3/objects/contacts/search';
const TIMED_LOOKUPS = 400;
const FILLED = 100_000;

/** 50 numbers: 40 that match a person and 10 that match nobody. */
function benchNumbers(): { matched: string[]; unknown: string[] } {
  const matched = Array.from({ length: 40 }, (_, i) => `+1212555${String(1000 + i)}`);
  const unknown = Array.from({ length: 10 }, (_, i) => `+1312555${String(2000 + i)}`);
  return { matched, unknown };
}

/** Times `count` cached lookups cycling over `numbers`, one at a time, inside the page. */
async function timeLookups(page: Page, numbers: string[], count: number): Promise<number[]> {
  return page.evaluate(
    async ([list, n]) => {
      const times: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const start = performance.now();
        const reply: { ok: boolean; value?: { source: string } } = await chrome.runtime.sendMessage(
          {
            channel: 'callpop/v1',
            name: 'contact.lookup',
            payload: { phoneNumber: list[i % list.length] },
          },
        );
        times.push(performance.now() - start);
        if (!reply.ok || reply.value?.source !== 'cache') throw new Error('expected a cache hit');
      }
      return times;
    },
    [numbers, count] as const,
  );
}

/** 200 lookups over `numbers`, 8 at a time, each number 4 times; the replies that failed. */
async function lookUpAll(page: Page, numbers: string[]): Promise<number> {
  const order = Array.from({ length: 200 }, (_, i) => numbers[(i * 7) % numbers.length]!);
  // No named functions inside evaluate: tsx adds __name() helpers the page does not have.
  return page.evaluate(async (list) => {
    const queue = [...list];
    let failed = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const reply: { ok: boolean } = await chrome.runtime.sendMessage({
            channel: 'callpop/v1',
            name: 'contact.lookup',
            payload: { phoneNumber: next },
          });
          if (!reply.ok) failed += 1;
        }
      }),
    );
    return failed;
  }, order);
}

/** The same 200 lookups on HubSpot at its real search limit: searches, 429s, failed lookups. */
export async function benchHubSpotBurst(): Promise<BenchSection> {
  const crm = await startHubSpot({ searchPerSecond: 4 });
  const { matched, unknown } = benchNumbers();
  matched.forEach((number, i) =>
    crm.data.create('contacts', { firstname: 'Bench', lastname: `Person ${i}`, phone: number }),
  );
  crm.data.uiDomain = crm.url;
  const browser = await openBenchBrowser();
  try {
    const { page } = browser;
    await sendRequest(page, 'connection.save', hubspotDraft(crm.url));
    // Connecting searched twice to check the token's scopes; a person connects well before a
    // burst of lookups, so those searches do not count against the burst's first second.
    crm.searchLimit.reset();
    crm.log.clear();
    const failed = await lookUpAll(page, [...matched, ...unknown]);
    const contactSearches = crm.log.count({ method: 'POST', path: HUBSPOT_CONTACT_SEARCH });
    const refused = crm.log.entries.filter((entry) => entry.status === 429).length;
    return {
      title: 'HubSpot: 200 lookups over 50 numbers (emulator at 4 searches a second)',
      rows: [
        {
          metric: 'lookups that searched HubSpot (contacts search requests)',
          value: String(contactSearches),
          goal: 'exactly 50',
          pass: contactSearches === 50,
        },
        {
          metric: 'all HubSpot requests (contacts and companies)',
          value: String(crm.log.entries.length),
        },
        { metric: '429 answers from HubSpot', value: String(refused) },
        {
          metric: 'lookups that failed (a 429 a user would see)',
          value: String(failed),
          goal: '0',
          pass: failed === 0,
        },
      ],
      raw: { contactSearches, refused, failed, requests: crm.log.entries.length },
    };
  } finally {
    await browser.close();
    await crm.close();
  }
}

export async function benchEngineCache(): Promise<BenchSection> {
  const crm = await startPipedrive({ rateLimit: { limit: 100_000, windowMs: 1000 } });
  const { matched, unknown } = benchNumbers();
  matched.forEach((number, i) =>
    crm.data.addPerson({
      name: `Bench Person ${i}`,
      phones: [number],
      add_time: '2024-01-02T03:04:05Z',
    }),
  );
  const browser = await openBenchBrowser();
  try {
    const { page, worker } = browser;
    await connectPipedrive(page, crm.url);
    // Room for the 100,000 entries below, so the sweep does not evict them mid-run.
    await updateSettings(page, {
      cache: { matchTtlMinutes: 24 * 60, noMatchTtlMinutes: 60, maxEntries: 200_000 },
    });

    // 1. CRM requests: 200 lookups over 50 numbers, 8 at a time, each number 4 times.
    const all = [...matched, ...unknown];
    crm.log.clear();
    await lookUpAll(page, all);
    const searches = crm.log.count({ method: 'GET', path: SEARCH_PATH });
    const httpRequests = crm.log.entries.length;

    // 2. Bytes per cached number, as Chrome counts them (key + JSON value).
    const bytes = await worker.evaluate(async (numbers) => {
      const keys = (await chrome.storage.local.getKeys()).filter((key) =>
        numbers.some((n) => key.endsWith(n)),
      );
      const matchedKeys = keys.filter((key) => !key.includes('+1312555'));
      return {
        count: keys.length,
        all: await chrome.storage.local.getBytesInUse(keys),
        matchedCount: matchedKeys.length,
        matched: await chrome.storage.local.getBytesInUse(matchedKeys),
      };
    }, all);

    // 3. Lookup cost: 10 cached numbers, then the same 10 among 100,000 cached numbers.
    const ten = matched.slice(0, 10);
    await sendRequest(page, 'cache.clear', undefined);
    for (const number of ten) await sendRequest(page, 'contact.lookup', { phoneNumber: number });
    await timeLookups(page, ten, 50); // warm-up
    const withTen = await timeLookups(page, ten, TIMED_LOOKUPS);
    await worker.evaluate(
      async ([source, total]) => {
        const keys = await chrome.storage.local.getKeys();
        const sourceKey = keys.find((key) => key.endsWith(source));
        if (!sourceKey) throw new Error('no cache entry to copy');
        const value = (await chrome.storage.local.get(sourceKey))[sourceKey];
        const prefix = sourceKey.slice(0, -source.length);
        for (let start = 0; start < total; start += 10_000) {
          const batch: Record<string, unknown> = {};
          for (let i = start; i < Math.min(total, start + 10_000); i += 1) {
            batch[`${prefix}+1646${String(1_000_000 + i)}`] = value;
          }
          await chrome.storage.local.set(batch);
        }
      },
      [ten[0]!, FILLED - ten.length] as const,
    );
    const cachedCount = (await sendRequest(page, 'cache.stats', undefined)).entries;
    await timeLookups(page, ten, 50);
    const withFilled = await timeLookups(page, ten, TIMED_LOOKUPS);

    const ratio = median(withFilled) / median(withTen);
    const perNumber = bytes.all / bytes.count;
    const perMatched = bytes.matched / bytes.matchedCount;
    return {
      title: 'Contact engine (real service worker, Pipedrive emulator)',
      rows: [
        { metric: 'cached lookup, 10 numbers cached (median)', value: ms(median(withTen)) },
        {
          metric: `cached lookup, ${cachedCount.toLocaleString('en-US')} numbers cached (median)`,
          value: ms(median(withFilled)),
        },
        {
          metric: 'ratio 100,000 / 10',
          value: `${ratio.toFixed(2)}×`,
          goal: '≤ 1.5×',
          pass: ratio <= 1.5,
        },
        {
          metric: 'bytes stored per cached number (all 50)',
          value: `${perNumber.toFixed(0)} B`,
          goal: '≤ 200 B',
          pass: perNumber <= 200,
        },
        { metric: 'bytes per cached number with one match', value: `${perMatched.toFixed(0)} B` },
        {
          metric: 'CRM searches for 200 lookups over 50 numbers',
          value: String(searches),
          goal: 'exactly 50',
          pass: searches === 50,
        },
        { metric: 'all CRM HTTP requests for those 200 lookups', value: String(httpRequests) },
      ],
      raw: {
        withTen,
        withFilled,
        searches,
        httpRequests,
        cachedCount,
        bytesAll: bytes.all,
        count: bytes.count,
      },
    };
  } finally {
    await browser.close();
    await crm.close();
  }
}
