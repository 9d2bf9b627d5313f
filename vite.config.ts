import { crx } from '@crxjs/vite-plugin';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import manifest, { WORKER_ENTRY } from './manifest.config.ts';
import { phoneMetadata } from './scripts/phone-metadata.ts';

/** CRXJS's name for the file the manifest starts the worker from. */
const WORKER_LOADER = 'service-worker-loader.js';

// The pages are written against React's API and run on Preact's compatible one: the call window
// must paint within 40 ms of an empty one, and react-dom alone is 190 KB to evaluate on every pop.
const alias = [
  { find: '@', replacement: resolve(import.meta.dirname, 'src') },
  { find: 'react-dom/client', replacement: 'preact/compat/client' },
  { find: 'react-dom', replacement: 'preact/compat' },
  { find: 'react', replacement: 'preact/compat' },
  // libphonenumber's ES2015+ build: the same code without a copy of Babel's helpers in every
  // file, 2.2 KB smaller gzipped in the worker.
  { find: /^libphonenumber-js\/(min|max|mobile|core)$/, replacement: 'libphonenumber-js/$1/es6' },
];

const CALLPOP_PAGE = 'src/entrypoints/callpop/index.html';

const source = {
  plugins: [phoneMetadata()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias },
} satisfies UserConfig;

const output = {
  outDir: 'dist',
  target: 'chrome120',
  sourcemap: true,
  // Chrome has native modulepreload: the polyfill would be one more file for every page.
  modulePreload: { polyfill: false },
} satisfies UserConfig['build'];

/**
 * A build makes the service worker and the call window alone, each as one file: the worker is
 * parsed on every start (one file gzips 2 KB smaller than the six chunks it shared with pages),
 * and the call window opens against the clock (each further file it waited for added about 3 ms).
 * The dev server serves the same entries as modules.
 */
// Terser with two passes: the worker gzips 1 KB smaller than with the default minifier.
const smallest = {
  minify: 'terser',
  terserOptions: { compress: { passes: 2 }, module: true },
} satisfies UserConfig['build'];

function oneFileBuilds(): Plugin {
  let outDir = output.outDir;
  const alone = (input: Record<string, string>, names?: string) =>
    build({
      ...source,
      configFile: false,
      logLevel: 'warn',
      build: {
        ...output,
        ...smallest,
        outDir,
        emptyOutDir: false,
        rollupOptions: { input, output: names ? { entryFileNames: names } : {} },
      },
    });
  return {
    name: 'callpop-one-file-builds',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir; // `vite build --outDir` builds elsewhere
    },
    async closeBundle() {
      const loader = resolve(outDir, WORKER_LOADER);
      const chunk = /import '\.\/(.+)'/.exec(readFileSync(loader, 'utf8'))?.[1];
      await alone({ [WORKER_LOADER.replace('.js', '')]: WORKER_ENTRY }, '[name].js');
      if (chunk) for (const file of [chunk, `${chunk}.map`]) rmSync(resolve(outDir, file));
      await alone({ callpop: CALLPOP_PAGE });
    },
  };
}

export default defineConfig(({ command }) => ({
  ...source,
  plugins: [...source.plugins, crx({ manifest }), oneFileBuilds()],
  build: {
    ...output,
    emptyOutDir: true,
    rollupOptions: {
      // Pages the manifest does not name must be listed here to be built.
      input: {
        // The dev server serves the call window with the other pages; a build makes it alone.
        ...(command === 'serve' ? { callpop: CALLPOP_PAGE } : {}),
        setup: 'src/entrypoints/setup/index.html',
        softphone: 'src/entrypoints/softphone/index.html',
        // An empty extension page: the pop-latency benchmark's floor (bench/pop-latency.ts).
        softphoneBlank: 'src/entrypoints/softphone/blank.html',
      },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'e2e/emulators/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    setupFiles: ['src/test/setup.ts'],
  },
}));
