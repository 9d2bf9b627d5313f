/**
 * Makes sure a Chromium that loads unpacked extensions is present. On Debian/Ubuntu as root it
 * installs Debian's `chromium` package; anywhere else it explains how to get one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, INSTALL_HINT } from '../e2e/support/browser';

function tryFind(): string | undefined {
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}

function installWithApt(): void {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !root && existsSync('/usr/bin/sudo') ? ['sudo', '-n'] : [];
  if (!existsSync('/usr/bin/apt-get') || (!root && sudo.length === 0)) return;
  console.log('No Chromium found; installing Debian’s chromium package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]): void => {
    const [command, ...rest] = [...sudo, 'apt-get', ...args];
    execFileSync(command!, rest, { stdio: 'inherit', env });
  };
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  } catch {
    console.error('Installing chromium with apt-get failed.');
  }
}

if (process.env.CALLPOP_BROWSER || process.env.CHROMIUM_PATH) {
  try {
    findBrowser(); // throws a message saying which browser is missing
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
} else if (!tryFind()) {
  installWithApt();
  if (!tryFind()) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
}
