import { describe, expect, it } from 'vitest';
import { settle } from '@/test/settle';
import { saveRequests } from '@/platform/storage/keys';
import { forgetOldSaves, runOnce, SAVE_RECORD_MAX_AGE_MS } from './idempotent';

const NOW = 1_800_000_000_000;

describe('forgetOldSaves', () => {
  it('drops Save records older than 12 hours, keeps newer ones and any still running', async () => {
    await saveRequests.set('callLog:old-request', {
      kind: 'callLog',
      startedAt: NOW - SAVE_RECORD_MAX_AGE_MS - 1,
      status: 'done',
      result: { logId: '1' },
    });
    await saveRequests.set('contact:new-request', {
      kind: 'contact',
      startedAt: NOW - 1000,
      status: 'failed',
    });
    let finish: () => void = () => undefined;
    const inFlight = runOnce(
      'contact',
      'slow-request',
      () => NOW - SAVE_RECORD_MAX_AGE_MS - 5,
      () => new Promise<void>((resolve) => (finish = resolve)),
    );
    await settle();

    await expect(forgetOldSaves(NOW)).resolves.toBe(1);
    expect((await saveRequests.ids()).sort()).toEqual([
      'contact:new-request',
      'contact:slow-request',
    ]);
    finish();
    await inFlight;
  });
});
