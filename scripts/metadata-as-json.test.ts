import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { metadataAsJson } from './metadata-as-json';

const require = createRequire(import.meta.url);

type Transform = (code: string, id: string) => { code: string } | null;

describe('libphonenumber metadata as JSON.parse', () => {
  const transform = metadataAsJson().transform as unknown as Transform;

  it('turns the metadata module into one JSON.parse of the same data', () => {
    // The file the library's own modules import (by relative path, so not an export).
    const json = require.resolve('libphonenumber-js/metadata.max.json');
    const id = `${json}.js`;
    const out = transform('ignored', id);
    expect(out?.code).toMatch(/^export default JSON\.parse\("/);
    const text = out!.code.slice('export default JSON.parse('.length, -');'.length);
    const data = JSON.parse(JSON.parse(text) as string) as unknown;
    expect(data).toEqual(require('libphonenumber-js/metadata.max.json'));
  });

  it('leaves every other module alone', () => {
    expect(transform('export default 1', '/x/libphonenumber-js/es6/parse.js')).toBeNull();
  });
});
