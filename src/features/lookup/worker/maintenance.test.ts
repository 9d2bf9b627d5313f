import { beforeEach, describe, expect, it } from 'vitest';
import { chromeFake } from '@/test/chrome-fake';
import { DEFAULT_SETTINGS } from '@/features/settings/model/settings';
import { matchCache, settingsItem, type CachedMatch } from '@/platform/storage/keys';
import { onInstalled, onStartup } from '@/entrypoints/worker/install';
import { SWEEP_ALARM, ensureSweepAlarm, onAlarm, runSweep } from './maintenance';

const NOW = Date.UTC(2025, 0, 1);
const sec = (ms: number) => Math.floor(ms / 1000);
const match = (fetchedMs: number, usedMs?: number): CachedMatch => ({
  c: [{ i: 1, n: 'A' }],
  f: sec(fetchedMs),
  ...(usedMs ? { u: sec(usedMs) } : {}),
});

beforeEach(async () => {
  await settingsItem.set({
    ...DEFAULT_SETTINGS,
    cache: { matchTtlMinutes: 60, noMatchTtlMinutes: 5, maxEntries: 100 },
  });
});

describe('cache sweep', () => {
  it('removes expired matches and expired no-matches, keeps fresh ones', async () => {
    await matchCache.set('a:pipedrive:+1', match(NOW - 61 * 60_000));
    await matchCache.set('a:pipedrive:+2', match(NOW - 59 * 60_000));
    await matchCache.set('a:pipedrive:+3', { f: sec(NOW - 6 * 60_000) });
    await matchCache.set('a:pipedrive:+4', { f: sec(NOW - 60_000) });
    const report = await runSweep(NOW);
    expect(report).toEqual({ expired: 2, evicted: 0, remaining: 2 });
    expect((await matchCache.ids()).sort()).toEqual(['a:pipedrive:+2', 'a:pipedrive:+4']);
  });

  it('evicts the least recently used entries above maxEntries', async () => {
    const entries = new Map<string, CachedMatch>();
    for (let i = 0; i < 105; i += 1) {
      // Fetched in order, but entry 0..4 were used most recently of all.
      const fetched = NOW - 30 * 60_000 + i * 1000;
      entries.set(`a:pipedrive:+${i}`, match(fetched, i < 5 ? NOW : undefined));
    }
    for (const [id, entry] of entries) await matchCache.set(id, entry);
    const report = await runSweep(NOW);
    expect(report).toEqual({ expired: 0, evicted: 5, remaining: 100 });
    const left = new Set(await matchCache.ids());
    for (let i = 0; i < 5; i += 1) expect(left.has(`a:pipedrive:+${i}`)).toBe(true);
    for (let i = 5; i < 10; i += 1) expect(left.has(`a:pipedrive:+${i}`)).toBe(false);
    expect(left.has('a:pipedrive:+10')).toBe(true);
  });

  it('runs from the alarm and ignores other alarms', async () => {
    await matchCache.set('a:pipedrive:+1', match(0));
    expect(await onAlarm({ name: 'other', scheduledTime: 0 } as chrome.alarms.Alarm)).toBeNull();
    expect(await matchCache.ids()).toHaveLength(1);
    expect(
      await onAlarm({ name: SWEEP_ALARM, scheduledTime: 0 } as chrome.alarms.Alarm),
    ).toMatchObject({ expired: 1 });
    expect(await matchCache.ids()).toHaveLength(0);
  });
});

describe('install and startup', () => {
  it('creates the sweep alarm only when none exists', async () => {
    await ensureSweepAlarm();
    const first = chromeFake().alarms.get(SWEEP_ALARM);
    expect(first?.periodInMinutes).toBe(30);
    first!.scheduledTime = 123;
    await ensureSweepAlarm();
    expect(chromeFake().alarms.get(SWEEP_ALARM)?.scheduledTime).toBe(123);
  });

  it('locks local storage to trusted contexts and sets the alarm on install and startup', async () => {
    chromeFake().local.accessLevel = 'UNTRUSTED';
    await onInstalled({ reason: 'install' });
    expect(chromeFake().local.accessLevel).toBe('TRUSTED_CONTEXTS');
    expect(chromeFake().alarms.has(SWEEP_ALARM)).toBe(true);
    chromeFake().local.accessLevel = 'UNTRUSTED';
    chromeFake().alarms.clear();
    await onStartup();
    expect(chromeFake().local.accessLevel).toBe('TRUSTED_CONTEXTS');
    expect(chromeFake().alarms.has(SWEEP_ALARM)).toBe(true);
  });
});
