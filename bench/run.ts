/**
 * `npm run bench`: runs every benchmark in one go and writes bench/results/latest.{json,md}.
 * Medians and ratios measured in the same run, because these machines are noisy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { bundleSizes } from './bundle-size';
import { benchEngineCache, benchHubSpotBurst } from './engine-cache';
import { benchPopLatency } from './pop-latency';
import { DIST } from '../e2e/fixtures';
import type { BenchSection } from './support';

const sections: BenchSection[] = [];
sections.push(await benchEngineCache());
sections.push(await benchHubSpotBurst());
const pop = await benchPopLatency();
sections.push(pop);
const sizes = bundleSizes(DIST);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
sections.push({
  title: 'JavaScript loaded, gzip (every file each context imports, from this build)',
  rows: [
    {
      metric: 'service worker',
      value: kb(sizes.workerGzipBytes),
      goal: '≤ 60 KB',
      pass: sizes.workerGzipBytes <= 60 * 1024,
    },
    {
      metric: 'call-pop page',
      value: kb(sizes.callPopGzipBytes),
      goal: '≤ 90 KB',
      pass: sizes.callPopGzipBytes <= 90 * 1024,
    },
  ],
  raw: { ...sizes },
});
/** The figures a person waits for, in one place (issue 18). */
const summary = { ...pop.summary, ...sizes };

const when = new Date().toISOString();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const lines = [`# Benchmark results`, '', `${when} — ${machine}`, ''];
for (const section of sections) {
  lines.push(
    `## ${section.title}`,
    '',
    '| metric | value | goal | met |',
    '| --- | --- | --- | --- |',
  );
  for (const row of section.rows) {
    const met = row.pass === undefined ? '' : row.pass ? 'yes' : '**no**';
    lines.push(`| ${row.metric} | ${row.value} | ${row.goal ?? ''} | ${met} |`);
  }
  lines.push('');
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', lines.join('\n'));
writeFileSync(
  'bench/results/latest.json',
  JSON.stringify({ when, machine, summary, sections }, null, 2),
);
console.log(lines.join('\n'));
console.log('Written to bench/results/latest.md and latest.json');
