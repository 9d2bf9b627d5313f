import { crx } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
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

export default defineConfig({
  plugins: [crx({ manifest })],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Chrome has native modulepreload: the polyfill would be one more file for every page.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Pages the manifest does not name must be listed here to be built.
      input: {
        callpop: 'src/entrypoints/callpop/index.html',
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
});
