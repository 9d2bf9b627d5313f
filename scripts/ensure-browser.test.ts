import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts'], {
    env: { ...process.env, CALLPOP_BROWSER: '', CHROMIUM_PATH: '', ...env },
    encoding: 'utf8',
  });

describe('ensure-browser', () => {
  it('names a missing browser in one line, with no stack trace', () => {
    const result = run({ CALLPOP_BROWSER: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'CALLPOP_BROWSER points at /nonexistent/chromium, which does not exist.',
    );
  });

  it('names the variable that was set, CHROMIUM_PATH too', () => {
    const result = run({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'CHROMIUM_PATH points at /nonexistent/chromium, which does not exist.',
    );
  });
});
