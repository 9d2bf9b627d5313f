/** Checks `npm start` makes before it starts anything, each with a message saying what to do. */

/** Why a browser window cannot open here, or undefined: Linux needs an X or Wayland display. */
export function missingDisplay(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): string | undefined {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return [
    'There is no display to open Chromium on ($DISPLAY is not set).',
    'Run `xvfb-run npm start` for a virtual one (Debian: apt-get install xvfb),',
    'or `HEADLESS=1 npm start` for a smoke run without windows.',
  ].join('\n');
}
