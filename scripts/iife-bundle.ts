/**
 * Bundles one source file into a self-contained, minified classic script (IIFE) with rolldown,
 * Vite's own bundler. Used for the scripts that must not be ES modules (see the two plugins).
 */
import { rolldown } from 'rolldown';
import { metadataAsJson } from './metadata-as-json.ts';

export interface IifeBundle {
  code: string;
  /** The source map, as JSON text. */
  map: string;
}

/** `define`: global constants replaced by their code, e.g. { __PAGE__: '"<html>…"' }. */
export async function bundleIife(
  entry: string,
  alias: Record<string, string>,
  define: Record<string, string> = {},
): Promise<IifeBundle> {
  const bundle = await rolldown({
    input: entry,
    platform: 'browser',
    resolve: { alias },
    transform: { define },
    plugins: [metadataAsJson()],
  });
  try {
    const { output } = await bundle.generate({ format: 'iife', minify: true, sourcemap: true });
    const [chunk] = output;
    if (!chunk || chunk.type !== 'chunk' || !chunk.map) throw new Error(`${entry} built nothing`);
    return { code: chunk.code, map: chunk.map.toString() };
  } finally {
    await bundle.close();
  }
}

/** Builds `entry` and adds it to the build at `fileName`, with its source map next to it. */
/** The part of a Vite (or CRXJS) plugin context that adds a file to the build. */
export interface AssetEmitter {
  emitFile(file: { type: 'asset'; fileName: string; source: string }): unknown;
}

export async function emitIife(
  context: AssetEmitter,
  fileName: string,
  ...args: Parameters<typeof bundleIife>
): Promise<void> {
  const { code, map } = await bundleIife(...args);
  const mapName = `${fileName}.map`;
  context.emitFile({
    type: 'asset',
    fileName,
    source: `${code}\n//# sourceMappingURL=${mapName.split('/').at(-1)}\n`,
  });
  context.emitFile({ type: 'asset', fileName: mapName, source: map });
}
