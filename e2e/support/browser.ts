/**
 * Finds a Chromium that can load an unpacked extension, and the flags to launch it with.
 * Order: $CALLPOP_BROWSER (or $CHROMIUM_PATH), Playwright's own Chromium if installed, Debian's
 * /usr/bin/chromium, then other usual Chrome/Chromium paths. Branded Google Chrome ignores
 * --load-extension, so it is the last resort.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  '/usr/bin/google-chrome-for-testing',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const INSTALL_HINT = [
  'No Chromium found to run CallPop in.',
  'Install one, then run the command again:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium',
  '  macOS:         brew install --cask chromium',
  '  any system:    npx playwright install chromium',
  'or point CALLPOP_BROWSER at a Chromium executable.',
].join('\n');

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findBrowser(): string {
  // An empty variable counts as unset, so `CALLPOP_BROWSER= CHROMIUM_PATH=…` uses the second.
  const name = ['CALLPOP_BROWSER', 'CHROMIUM_PATH'].find((key) => process.env[key]);
  const fromEnv = name && process.env[name];
  if (name && fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`${name} points at ${fromEnv}, which does not exist.`);
    }
    return fromEnv;
  }
  const found = playwrightChromium() ?? USUAL_PATHS.find((path) => existsSync(path));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** Flags for a quiet, offline-friendly Chromium with only our extension loaded. */
export function extensionArgs(
  extensionPath: string,
  { headless }: { headless: boolean },
): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    // Chrome 134+ refuses to load unpacked extensions from the command line without this.
    '--disable-features=ExtensionDisableUnsupportedDeveloper,DisableLoadExtensionCommandLineSwitch',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-quic',
    ...(headless ? ['--headless=new'] : []),
  ];
}
