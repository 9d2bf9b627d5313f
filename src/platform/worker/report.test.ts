import { describe, expect, it, vi } from 'vitest';
import { settle } from '@/test/settle';
import { inBackground } from './report';

describe('inBackground', () => {
  it('logs a failure as text with its label instead of leaving it unhandled', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failure = Object.assign(new Error('storage is gone'), {
        config: { headers: { Authorization: 'Bearer tok-777777' } },
      });
      inBackground('cache sweep', Promise.reject(failure));
      await settle();
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0]?.[0]).toMatch(
        /^CallPop: cache sweep failed: Error: storage is gone/,
      );
      expect(logged.mock.calls[0]).toHaveLength(1);
    } finally {
      logged.mockRestore();
    }
  });

  it('logs nothing when the work succeeds', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      inBackground('cache sweep', Promise.resolve(3));
      await settle();
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
