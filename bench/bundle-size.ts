/**
 * JavaScript each context loads, gzipped: the service worker from its loader, the call-pop page
 * from its HTML, following every static import through the built files in dist/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const IMPORT = /(?:import|export)\s*(?:[^'"();]*?from\s*)?["']([^"']+\.js)["']/g;

/** Gzipped bytes of `entries` and every file they import, each counted once. */
export function gzipBytesFrom(dist: string, entries: string[]): number {
  const seen = new Set<string>();
  const visit = (file: string): number => {
    if (seen.has(file)) return 0;
    seen.add(file);
    const code = readFileSync(file);
    let total = gzipSync(code, { level: 9 }).length;
    for (const [, spec] of code.toString('utf8').matchAll(IMPORT)) {
      const target = spec!.startsWith('/') ? join(dist, spec!) : resolve(dirname(file), spec!);
      total += visit(target);
    }
    return total;
  };
  return entries.reduce((sum, entry) => sum + visit(resolve(dist, entry)), 0);
}

/** The scripts an HTML page starts with (modulepreloads are what they import anyway). */
function pageScripts(dist: string, html: string): string[] {
  const text = readFileSync(join(dist, html), 'utf8');
  return [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map(([, src]) => join(dist, src!));
}

export function bundleSizes(dist: string): { workerGzipBytes: number; callPopGzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
  };
  return {
    workerGzipBytes: gzipBytesFrom(dist, [manifest.background.service_worker]),
    callPopGzipBytes: gzipBytesFrom(dist, pageScripts(dist, 'src/entrypoints/callpop/index.html')),
  };
}
