// First step of `npm start`, `npm test` and `npm run bench`: makes a fresh clone runnable.
// Installs npm dependencies when missing or stale, then makes sure a Chromium is available.
// Plain Node with no dependencies, because it runs before node_modules exists.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { needsInstall } from './installed-deps.mjs';

// A failed step has already said why on the terminal: exit with its status, no stack trace.
const run = (command, args) => {
  try {
    execFileSync(command, args, { stdio: 'inherit' });
  } catch (error) {
    process.exit(typeof error.status === 'number' ? error.status : 1);
  }
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (needsInstall()) {
  console.log('Installing dependencies…');
  run(npm, [existsSync('package-lock.json') ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

run(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts']);
