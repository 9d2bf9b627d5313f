// First step of `npm start`, `npm test` and `npm run bench`: makes a fresh clone runnable.
// Installs npm dependencies when missing or stale, then makes sure a Chromium is available.
// Plain Node with no dependencies, because it runs before node_modules exists.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const installed = 'node_modules/.package-lock.json';
const stale =
  !existsSync(installed) ||
  (existsSync('package-lock.json') &&
    statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs);
if (stale) {
  console.log('Installing dependencies…');
  run(npm, [existsSync('package-lock.json') ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

run(process.execPath, ['--import', 'tsx', 'scripts/ensure-browser.ts']);
