import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { classicWorker } from './classic-worker-plugin';

type Bundle = Record<string, { type: 'asset' | 'chunk'; source?: string }>;
type Render = (
  this: { emitFile: (file: { fileName: string; source: string }) => string },
  manifest: Record<string, unknown>,
  bundle: Bundle,
) => Promise<Record<string, unknown>>;

describe('classicWorker', () => {
  it('builds the worker as one classic script with the page embedded, and drops the loader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'classic-worker-'));
    const entry = join(dir, 'worker.ts');
    writeFileSync(
      entry,
      'declare const __PAGE__: string;\n(globalThis as { page?: string }).page = __PAGE__;\n',
    );
    const plugin = classicWorker({
      entry,
      fileName: 'service-worker.js',
      alias: {},
      embedPages: { __PAGE__: 'src/page.html' },
    });
    const bundle: Bundle = {
      'service-worker-loader.js': { type: 'asset', source: "import './x.js';" },
      'src/page.html': {
        type: 'asset',
        source: '<head><link rel="stylesheet" crossorigin href="/assets/p.css"></head><b>hi</b>',
      },
      'assets/p.css': { type: 'asset', source: 'b{color:red}' },
    };
    const emitted: Record<string, string> = {};
    const render = plugin.renderCrxManifest as unknown as Render;
    const manifest = await render.call(
      { emitFile: (file) => ((emitted[file.fileName] = file.source), file.fileName) },
      { background: { service_worker: 'service-worker-loader.js', type: 'module' } },
      bundle,
    );

    expect(manifest.background).toEqual({ service_worker: 'service-worker.js' });
    expect(bundle['service-worker-loader.js']).toBeUndefined();
    const code = emitted['service-worker.js']!;
    expect(code).not.toMatch(/\bimport\b|\bexport\b/);
    expect(code).toContain('//# sourceMappingURL=service-worker.js.map');
    expect(emitted['service-worker.js.map']).toContain('"mappings"');
    // Running the script sets the page, stylesheet inlined.
    const scope: { page?: string } = {};
    runInNewContext(code, scope);
    expect(scope.page).toBe('<head><style>b{color:red}</style></head><b>hi</b>');
  });

  it('fails the build when an embedded page is not in it', async () => {
    const plugin = classicWorker({
      entry: 'unused.ts',
      fileName: 'service-worker.js',
      alias: {},
      embedPages: { __PAGE__: 'src/missing.html' },
    });
    const render = plugin.renderCrxManifest as unknown as Render;
    await expect(render.call({ emitFile: () => '' }, {}, {})).rejects.toThrow(
      'src/missing.html is not in the build',
    );
  });
});
