// Whether node_modules holds what package-lock.json asks for. Plain Node with no dependencies:
// setup.mjs runs it before node_modules exists.
import { existsSync, readFileSync } from 'node:fs';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sortKeys = (o) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const same = (a = {}, b = {}) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/**
 * Compares contents, not file times: a fresh checkout or a second worktree has a lock file newer
 * than the install with the very same packages, and reinstalling there is slow at best (and
 * wipes a node_modules shared through a symlink). `installed` is npm's own record of the last
 * install, node_modules/.package-lock.json; optional packages for other platforms are absent.
 */
export function installMatches(pkg, lock, installed) {
  const want = lock?.packages;
  const have = installed?.packages;
  if (!want || !have || !want['']) return false;
  const root = want[''];
  if (!same(root.dependencies, pkg.dependencies)) return false;
  if (!same(root.devDependencies, pkg.devDependencies)) return false;
  for (const [path, entry] of Object.entries(want)) {
    if (path === '') continue;
    const got = have[path];
    if (got ? got.version !== entry.version : entry.optional !== true) return false;
  }
  return Object.keys(have).every((path) => Object.hasOwn(want, path));
}

/** True when `npm ci` (or `npm install` without a lock file) has to run in `dir`. */
export function needsInstall(dir = '.') {
  const installed = `${dir}/node_modules/.package-lock.json`;
  if (!existsSync(installed)) return true;
  const lockFile = `${dir}/package-lock.json`;
  if (!existsSync(lockFile)) return false;
  try {
    return !installMatches(
      readJson(`${dir}/package.json`),
      readJson(lockFile),
      readJson(installed),
    );
  } catch {
    return true; // unreadable: let npm say what is wrong
  }
}
