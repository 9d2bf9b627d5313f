/**
 * libphonenumber's `min` metadata, built without what only its as-you-type formatter reads: a
 * number format lists leading-digits patterns of growing length, and formatting reads only the
 * last one (`chooseFormatForNumber`). The worker gzips 1 KB smaller.
 */
import { readFileSync } from 'node:fs';
import type { MetadataJson } from 'libphonenumber-js/core';
import type { Plugin } from 'vite';

const MIN_METADATA = /\/libphonenumber-js\/metadata\.min\.json\.js$/;

/** A numbering plan's formats are its fifth field; a format's leading-digits patterns its third. */
const FORMATS = 4;
const LEADING_DIGITS = 2;

export function withLastLeadingDigitsOnly(metadata: MetadataJson): MetadataJson {
  // The layout read below is metadata version 4's; a new one must be looked at again.
  if (metadata.version !== 4) throw new Error(`libphonenumber metadata v${metadata.version}`);
  const copy = structuredClone(metadata);
  for (const plan of [...Object.values(copy.countries), ...Object.values(copy.nonGeographic)]) {
    const formats = (plan as unknown[])[FORMATS]; // 0 when a plan has none
    for (const format of Array.isArray(formats) ? (formats as unknown[][]) : []) {
      const patterns = format[LEADING_DIGITS];
      if (Array.isArray(patterns)) format[LEADING_DIGITS] = patterns.slice(-1);
    }
  }
  return copy;
}

export function phoneMetadata(): Plugin {
  return {
    name: 'callpop-phone-metadata',
    load(id) {
      if (!MIN_METADATA.test(id)) return null;
      const metadata = JSON.parse(readFileSync(id.replace(/\.js$/, ''), 'utf8')) as MetadataJson;
      return `export default ${JSON.stringify(withLastLeadingDigitsOnly(metadata))}`;
    },
  };
}
