import { afterEach, describe, expect, it, vi } from 'vitest';
import { findBrowser } from '../e2e/support/browser';

// In process: the script prints this message alone and exits 1. Spawning node with tsx for it
// took seconds on a loaded machine, past the test timeout.
afterEach(() => vi.unstubAllEnvs());

const missing = (env: Record<string, string>) => {
  for (const [name, value] of Object.entries({ CALLPOP_BROWSER: '', CHROMIUM_PATH: '', ...env })) {
    vi.stubEnv(name, value);
  }
  try {
    findBrowser();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

describe('ensure-browser', () => {
  it('names a missing browser in one line', () => {
    expect(missing({ CALLPOP_BROWSER: '/nonexistent/chromium' })).toBe(
      'CALLPOP_BROWSER points at /nonexistent/chromium, which does not exist.',
    );
  });

  it('names the variable that was set, CHROMIUM_PATH too', () => {
    expect(missing({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBe(
      'CHROMIUM_PATH points at /nonexistent/chromium, which does not exist.',
    );
  });
});
