import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installMatches, needsInstall } from './installed-deps.mjs';

const pkg = { dependencies: { a: '^1.0.0' }, devDependencies: { b: '^2.0.0' } };
const lock = {
  packages: {
    '': { dependencies: pkg.dependencies, devDependencies: pkg.devDependencies },
    'node_modules/a': { version: '1.2.0' },
    'node_modules/b': { version: '2.1.0', dev: true },
    'node_modules/b-darwin': { version: '2.1.0', dev: true, optional: true },
  },
};
const installed = {
  packages: {
    'node_modules/a': { version: '1.2.0' },
    'node_modules/b': { version: '2.1.0', dev: true },
  },
};

describe('installMatches', () => {
  it('accepts an install of every package the lock names, other platforms’ optional ones aside', () => {
    expect(installMatches(pkg, lock, installed)).toBe(true);
  });

  it('asks for an install when a version, a package or a dependency differs', () => {
    const older = { packages: { ...installed.packages, 'node_modules/a': { version: '1.1.0' } } };
    expect(installMatches(pkg, lock, older)).toBe(false);
    const missing = { packages: { 'node_modules/a': { version: '1.2.0' } } };
    expect(installMatches(pkg, lock, missing)).toBe(false);
    const extra = { packages: { ...installed.packages, 'node_modules/c': { version: '1.0.0' } } };
    expect(installMatches(pkg, lock, extra)).toBe(false);
    const added = { ...pkg, dependencies: { ...pkg.dependencies, c: '^1.0.0' } };
    expect(installMatches(added, lock, installed)).toBe(false);
    expect(installMatches(pkg, {}, installed)).toBe(false);
  });
});

describe('needsInstall', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function project(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'callpop-deps-'));
    mkdirSync(join(dir, 'node_modules'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('skips the install when the lock file is newer on disk but names what is installed', () => {
    const at = project({
      'package.json': JSON.stringify(pkg),
      'package-lock.json': JSON.stringify(lock),
      'node_modules/.package-lock.json': JSON.stringify(installed),
    });
    // A checkout made after the install: the lock file's time is later, its contents the same.
    utimesSync(join(at, 'node_modules/.package-lock.json'), new Date(0), new Date(0));
    expect(needsInstall(at)).toBe(false);
  });

  it('installs when nothing is installed, or npm’s record of it cannot be read', () => {
    expect(needsInstall(project({ 'package-lock.json': JSON.stringify(lock) }))).toBe(true);
    rmSync(dir, { recursive: true });
    const broken = project({
      'package.json': JSON.stringify(pkg),
      'package-lock.json': JSON.stringify(lock),
      'node_modules/.package-lock.json': '{',
    });
    expect(needsInstall(broken)).toBe(true);
  });
});
