import { crx } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import { build, type Plugin, type UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.config.ts';

// The pages are written against React's API and run on Preact's compatible one: the call window
// must paint within 40 ms of an empty one, and react-dom alone is 190 KB to evaluate on every pop.
const alias = {
  '@': resolve(import.meta.dirname, 'src'),
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  react: 'preact/compat',
};

const CALLPOP_PAGE = 'src/entrypoints/callpop/index.html';

const pages = {
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
 * The call window opens against the clock, so it is built alone after the rest, as one script
 * and one stylesheet: each further file the page waits for added about 3 ms to the pop.
 */
function callWindowAsOneFile(): Plugin {
  return {
    name: 'callpop-one-file',
    apply: 'build',
    async closeBundle() {
      await build({
        ...pages,
        configFile: false,
        logLevel: 'warn',
        build: {
          ...output,
          emptyOutDir: false,
          rollupOptions: { input: { callpop: CALLPOP_PAGE } },
        },
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  ...pages,
  plugins: [crx({ manifest }), callWindowAsOneFile()],
  build: {
    ...output,
    emptyOutDir: true,
    rollupOptions: {
      // Pages the manifest does not name must be listed here to be built.
      input: {
        // The dev server serves the call window with the other pages; a build makes it alone.
        ...(command === 'serve' ? { callpop: CALLPOP_PAGE } : {}),
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
