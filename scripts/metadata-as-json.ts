/**
 * libphonenumber-js ships its metadata as a ~145 kB object literal. Turned into
 * `JSON.parse('…')`, V8 skims one string instead of compiling the literal, and the JSON parser
 * builds the object faster than the literal's bytecode (V8's own advice for large data). This is
 * on every service-worker start, so on the call pop's path whenever Chrome had stopped the worker.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'rolldown';

const METADATA = /libphonenumber-js[\\/]metadata\.(min|max|mobile)\.json\.js$/;

export function metadataAsJson(): Plugin {
  return {
    name: 'callpop:metadata-as-json',
    transform(_code, id) {
      const match = METADATA.exec(id);
      if (!match) return null;
      const json = readFileSync(id.replace(/\.js$/, ''), 'utf8');
      // Parsed once here: a malformed file fails the build, not the worker.
      const text = JSON.stringify(JSON.parse(json));
      return { code: `export default JSON.parse(${JSON.stringify(text)});`, map: null };
    },
  };
}
