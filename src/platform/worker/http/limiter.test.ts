import { settle } from '@/test/settle';
import { describe, expect, it } from 'vitest';
import { CrmError } from './errors';
import {
  MAX_RETRIES,
  limiterLoad,
  pace,
  retryRateLimited,
  shareInFlight,
  takeTurn,
} from './limiter';
import { deferred, httpError } from '@/test/engine';

/** A clock that only moves when the retry sleeps. */
function fakeClock() {
  const clock = {
    at: Date.UTC(2025, 0, 1),
    slept: [] as number[],
    now: () => clock.at,
    sleep: (ms: number) => {
      clock.slept.push(ms);
      clock.at += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

async function alwaysLimited(headers: Record<string, string>, deadlineMs?: number) {
  const clock = fakeClock();
  let calls = 0;
  const error: unknown = await retryRateLimited(
    () => {
      calls += 1;
      // Ends a retry loop that does not: the test then fails on the count, not by hanging.
      if (calls > 100) return Promise.resolve('looped');
      return Promise.reject(httpError(429, headers));
    },
    clock,
    deadlineMs,
  ).catch((e: unknown) => e);
  return { calls, slept: clock.slept, error };
}

describe('retryRateLimited', () => {
  it('does not retry at once on "Retry-After: 0": it backs off from 1 s', async () => {
    const { calls, slept, error } = await alwaysLimited({ 'retry-after': '0' });
    expect(slept).toEqual([1000, 2000, 4000]); // a fourth wait would pass the 10 s deadline
    expect(calls).toBe(4);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('rateLimited');
  });

  it('treats a Retry-After date already past (clock skew) like 0', async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    const { calls, slept } = await alwaysLimited({ 'retry-after': past });
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(calls).toBe(4);
  });

  it('waits what Retry-After asks, or the backoff once that is longer', async () => {
    const { slept } = await alwaysLimited({ 'retry-after': '3' });
    expect(slept).toEqual([3000, 3000, 4000]);
  });

  it('retries a bounded number of times whatever the deadline', async () => {
    const { calls, slept } = await alwaysLimited({ 'retry-after': '1' }, 60 * 60_000);
    expect(calls).toBe(MAX_RETRIES + 1);
    expect(slept).toEqual([1000, 2000, 4000]);
  });

  it('returns the answer of a retry that succeeds', async () => {
    const clock = fakeClock();
    let calls = 0;
    const answer = await retryRateLimited(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(httpError(429)) : Promise.resolve('ok');
    }, clock);
    expect(answer).toBe('ok');
    expect(clock.slept).toEqual([1000]);
  });
});

describe('shareInFlight', () => {
  it('joins the first of the other keys in flight, then its own, else runs', async () => {
    const forced = deferred<string>();
    const plain = deferred<string>();
    let runs = 0;
    const run = (answer: Promise<string>) => () => {
      runs += 1;
      return answer;
    };
    const older = shareInFlight('n', run(plain.promise));
    const refresh = shareInFlight('nf', run(forced.promise)); // a forced key joins nothing else
    const joined = shareInFlight('n', run(Promise.resolve('unused')), 'nf');
    expect(runs).toBe(2);
    forced.resolve('fresh');
    plain.resolve('old');
    expect(await joined).toBe('fresh');
    expect(await refresh).toBe('fresh');
    expect(await older).toBe('old');
    expect(await shareInFlight('n', run(Promise.resolve('new')), 'nf')).toBe('new');
    expect(runs).toBe(3);
  });
});

describe('takeTurn', () => {
  it('hands a newer answer to older requests still waiting, and not the other way round', async () => {
    const first = takeTurn<string>('n');
    const second = takeTurn<string>('n');
    const third = takeTurn<string>('n');
    const got: string[] = [];
    void first.overtaken.then((answer) => got.push(`first:${answer}`));
    void third.overtaken.then((answer) => got.push(`third:${answer}`));
    second.answered('two');
    await Promise.resolve();
    expect(got).toEqual(['first:two']);
    for (const turn of [first, second, third]) turn.done();
    expect(limiterLoad().numbers).toBe(0);
  });

  it('lets only the newest answer so far be stored, whatever order they come in', () => {
    const older = takeTurn<string>('n');
    const newer = takeTurn<string>('n');
    const other = takeTurn<string>('m');
    expect(older.mayStore()).toBe(true); // nothing newer has answered yet
    expect(newer.mayStore()).toBe(true);
    expect(older.mayStore()).toBe(false);
    expect(other.mayStore()).toBe(true); // another number has its own order
    for (const turn of [older, newer, other]) turn.done();

    const slow = takeTurn<string>('n');
    const fast = takeTurn<string>('n');
    fast.answered('nothing to store'); // a newer answer stored nothing: still not overwritten
    expect(slow.mayStore()).toBe(false);
    slow.done();
    fast.done();
    fast.done(); // ending twice is harmless
    expect(limiterLoad().numbers).toBe(0);
  });
});

describe('pace', () => {
  it('lets a burst of perSecond go at once, then spaces the rest so no second holds more', async () => {
    const clock = fakeClock();
    const start = clock.at;
    const sent: number[] = [];
    // Sequential callers on a clock that moves only when one sleeps.
    for (let i = 0; i < 25; i += 1) {
      await pace('crm:pace-a', 10, clock);
      sent.push(clock.at - start);
    }
    expect(sent.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(sent.slice(10, 20)).toEqual(Array(10).fill(1250));
    expect(sent.slice(20)).toEqual(Array(5).fill(2500));
    // Any window of one second (in fact 1.1 s) holds at most 10 starts.
    for (const at of sent) {
      expect(sent.filter((t) => t >= at && t < at + 1250).length).toBeLessThanOrEqual(10);
    }
  });

  it('keeps half the rate from a batch, for the lookups a person waits for', async () => {
    // A clock whose sleepers wake only when the test moves it.
    let now = 0;
    let sleepers: { until: number; wake: () => void }[] = [];
    const clock = {
      now: () => now,
      sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
    };
    const advance = async (ms: number) => {
      now += ms;
      const due = sleepers.filter((s) => s.until <= now);
      sleepers = sleepers.filter((s) => s.until > now);
      for (const sleeper of due) sleeper.wake();
      await settle();
    };
    const batchSent: number[] = [];
    const batch = Array.from({ length: 6 }, async () => {
      await pace('crm:pace-d', 4, clock, true);
      batchSent.push(now);
    });
    await settle();
    expect(batchSent).toEqual([0, 0]);
    // A ringing call's two requests go at once, though four batch requests are waiting.
    await pace('crm:pace-d', 4, clock);
    await pace('crm:pace-d', 4, clock);
    for (let step = 0; step < 4; step += 1) await advance(1250);
    await Promise.all(batch);
    expect(batchSent).toEqual([0, 0, 1250, 1250, 2500, 2500]);
  });

  it('paces each CRM on its own', async () => {
    const clock = fakeClock();
    for (let i = 0; i < 5; i += 1) await pace('crm:pace-b', 5, clock);
    await pace('crm:pace-c', 5, clock);
    expect(clock.slept).toEqual([]);
    await pace('crm:pace-b', 5, clock);
    expect(clock.slept).toEqual([1250]);
  });
});
