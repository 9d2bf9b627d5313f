/**
 * Builds one source file into a self-contained classic script (IIFE) at a fixed path, for a
 * page's first paint: a classic script runs as soon as it arrives, with no module graph to fetch
 * first and no wait for the page's module entry. The call-pop window uses it (measured by
 * `npm run bench`).
 */
import type { Plugin } from 'vite';
import { emitIife } from './iife-bundle.ts';

export interface ClassicScriptOptions {
  /** The source file, e.g. src/entrypoints/callpop/first-paint.ts. */
  entry: string;
  /** Where it lands in the build, e.g. assets/callpop-first-paint.js. */
  fileName: string;
  /** The page that runs it at the end of <body>, e.g. src/entrypoints/callpop/index.html. */
  page: string;
  alias: Record<string, string>;
}

export function classicScript(options: ClassicScriptOptions): Plugin {
  return {
    name: 'callpop:classic-script',
    apply: 'build',
    // Injected after Vite's own processing (classic scripts are not Vite's to bundle). At the
    // end of <body> the script finds #root already parsed.
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        context.path === `/${options.page}`
          ? [{ tag: 'script', attrs: { src: `/${options.fileName}` }, injectTo: 'body' }]
          : [],
    },
    async generateBundle() {
      await emitIife(this, options.fileName, options.entry, options.alias);
    },
  };
}
