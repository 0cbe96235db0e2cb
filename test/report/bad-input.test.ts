import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, whatif } from '../cli-process.js';
import { runToFile, tmp, write } from './run-files.js';

const seedRun = readFileSync(runToFile('seed-for-bad-input.ndjson', ['--all-single-failures']), 'utf8');
const lines = seedRun.trimEnd().split('\n');

/** Bad input: exit 2, the reason on stderr, nothing on stdout, no HTML file. */
function expectRejected(file: string, reason: RegExp, extra: string[] = []): void {
  const html = join(tmp, `rejected-${Math.random().toString(36).slice(2)}.html`);
  const r = whatif(['report', file, '--html', html, ...extra]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^whatif report: /);
  expect(r.stderr).toMatch(reason);
  expect(existsSync(html)).toBe(false);
}

describe('whatif report on bad input', () => {
  it('rejects a file that is not NDJSON (a topology file)', () => {
    expectRejected(SEED, /is not JSON.*is this a whatif run/);
  });

  it('rejects an empty file', () => {
    expectRejected(write('empty.ndjson', ''), /no run record/);
  });

  it('rejects NDJSON that does not start with a run record', () => {
    expectRejected(write('no-run.ndjson', lines.slice(1).join('\n') + '\n'), /first record is a "scenario" record, not the run record/);
  });

  it('rejects JSON lines that are not whatif records', () => {
    expectRejected(write('numbers.ndjson', '1\n2\n'), /record 1 is not a whatif record/);
  });

  it('rejects a run cut in the middle of a line', () => {
    const cut = seedRun.slice(0, seedRun.indexOf('er-link:er2-primary') + 10);
    expectRejected(write('cut-line.ndjson', cut), /record \d+ is not JSON/);
  });

  it('rejects a run cut at a line boundary, before its summary', () => {
    expectRejected(write('cut-summary.ndjson', lines.slice(0, -1).join('\n') + '\n'), /no summary record after 11 records: the run is truncated/);
  });

  it('rejects a run without its baseline', () => {
    expectRejected(write('no-baseline.ndjson', [lines[0], ...lines.slice(2)].join('\n') + '\n'), /failure scenario before the baseline/);
  });

  it('rejects a missing file', () => {
    expectRejected(join(tmp, 'nope.ndjson'), /cannot read the run file: no such file/);
  });

  it('rejects a bad --compare file, even when the run is good', () => {
    const good = write('good.ndjson', seedRun);
    expectRejected(good, /not-a-run\.ndjson: the file is empty/, ['--compare', write('not-a-run.ndjson', '')]);
  });
});

describe('whatif report on a partial run', () => {
  const summary = JSON.parse(lines.at(-1)!) as { partial: boolean; scenarios: { run: number; total: number } };
  summary.partial = true;
  summary.scenarios.run = 5;
  const partial = write('partial.ndjson', [...lines.slice(0, 7), JSON.stringify(summary)].join('\n') + '\n');
  const html = join(tmp, 'partial.html');
  const r = whatif(['report', partial, '--html', html]);

  it('still reports (exit 0) with a visible warning before any finding', () => {
    expect(r.status).toBe(0);
    const warning = r.stdout.indexOf('> **Warning:** Partial run: it was interrupted after 5 of 9 failure scenarios.');
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(r.stdout.indexOf('## At a glance'));
    expect(r.stdout).toContain('; **partial**.');
  });

  it('shows the warning and a "partial run" badge on the page', () => {
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<div class="warning" role="alert"><strong>Warning:</strong> Partial run: it was interrupted after 5 of 9');
    expect(page).toContain('<span class="badge partial">partial run</span>');
  });
});
