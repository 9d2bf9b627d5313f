import { crx } from '@crxjs/vite-plugin';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.config.ts';

const alias = { '@': resolve(import.meta.dirname, 'src') };

export default defineConfig({
  plugins: [react(), crx({ manifest })],
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
