/** Checks `npm start` makes before it starts anything, each with a message saying what to do. */
import { existsSync, readFileSync } from 'node:fs';

/** Why a browser window cannot open here, or undefined: Linux needs an X or Wayland display. */
export function missingDisplay(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): string | undefined {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return [
    'There is no display to open Chromium on ($DISPLAY is not set).',
    'Run `xvfb-run npm start` for a virtual one (Debian: apt-get install xvfb),',
    'or `HEADLESS=1 npm start` for a smoke run without windows (it saves a picture of the call).',
  ].join('\n');
}

/**
 * Why the demo CRM's saved data cannot be used, or undefined. Valid JSON of the wrong shape
 * would start a CRM that fails every request, so each of the seed's top-level lists and
 * counters must be there with the same kind of value.
 */
export function demoDataProblem(file: string, seed: object): string | undefined {
  if (!existsSync(file)) return undefined;
  const fix = `Delete ${file} and run npm start again for fresh sample contacts.`;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${file} is not valid JSON (${reason}). ${fix}`;
  }
  const kind = (value: unknown) => (Array.isArray(value) ? 'list' : typeof value);
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const wrong = Object.entries(seed)
    .filter(([key, value]) => kind(record[key]) !== kind(value))
    .map(([key]) => key);
  if (wrong.length === 0) return undefined;
  return `${file} is not demo CRM data (${wrong.join(', ')} missing or of the wrong kind). ${fix}`;
}
