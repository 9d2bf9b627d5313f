import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pipedriveSeed } from '../e2e/emulators/pipedrive-data';
import { demoDataProblem, missingDisplay } from './demo-checks';

describe('missingDisplay', () => {
  it('names xvfb-run and HEADLESS=1 on Linux without a display', () => {
    const message = missingDisplay({}, 'linux');
    expect(message).toContain('xvfb-run npm start');
    expect(message).toContain('HEADLESS=1 npm start');
  });

  it('says nothing with an X or Wayland display, or off Linux', () => {
    expect(missingDisplay({ DISPLAY: ':99' }, 'linux')).toBeUndefined();
    expect(missingDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(missingDisplay({}, 'darwin')).toBeUndefined();
  });
});

describe('demoDataProblem', () => {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'callpop-demo-data-'));
    file = join(dir, 'pipedrive.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts no file (the seed is written) and the seed itself', () => {
    expect(demoDataProblem(file, pipedriveSeed())).toBeUndefined();
    writeFileSync(file, JSON.stringify(pipedriveSeed()));
    expect(demoDataProblem(file, pipedriveSeed())).toBeUndefined();
  });

  it('says how to start afresh from a cut-off file', () => {
    writeFileSync(file, '{"persons": [');
    expect(demoDataProblem(file, pipedriveSeed())).toMatch(
      /pipedrive\.json is not valid JSON \(.+\)\. Delete .+pipedrive\.json and run npm start again/,
    );
  });

  it('names what is missing from JSON of another shape', () => {
    writeFileSync(file, JSON.stringify({ ...pipedriveSeed(), persons: {}, deals: undefined }));
    expect(demoDataProblem(file, pipedriveSeed())).toContain(
      '(persons, deals missing or of the wrong kind)',
    );
    writeFileSync(file, 'null');
    expect(demoDataProblem(file, pipedriveSeed())).toContain('is not demo CRM data');
  });
});
