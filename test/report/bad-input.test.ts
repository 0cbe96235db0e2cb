import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRun } from '../../src/report/read/read-run.js';
import { ReportInputError } from '../../src/report/read/report-input-error.js';
import { SEED, whatif } from '../cli-process.js';
import { runToFile, tmp, write } from './run-files.js';

const seedRun = readFileSync(runToFile('seed-for-bad-input.ndjson', ['--all-single-failures']), 'utf8');
const lines = seedRun.trimEnd().split('\n');
const NOT_A_RUN = 'whatif report: is this a whatif run (NDJSON, one record a line), complete and not cut short?';
const NOT_AS_WRITTEN = 'whatif report: the README\'s "Output contract" says what each record holds: was the file written by whatif, and left unedited?';

/** Bad input: exit 2, the reasons on stderr (one a line), nothing on stdout, no HTML file. */
function rejected(file: string, extra: string[] = []): string[] {
  const html = join(tmp, `rejected-${Math.random().toString(36).slice(2)}.html`);
  const r = whatif(['report', file, '--html', html, ...extra]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(existsSync(html)).toBe(false);
  const out = r.stderr.trimEnd().split('\n');
  for (const line of out) expect(line).toMatch(/^whatif report: /);
  return out;
}

/** The seed run with some of its lines replaced (1-based line numbers). */
function doctored(name: string, changes: Record<number, (line: string) => string>): string {
  return write(name, lines.map((l, i) => (changes[i + 1] ? changes[i + 1]!(l) : l)).join('\n') + '\n');
}

describe('whatif report on bad input', () => {
  it('rejects a file that is not NDJSON (a topology file): the first ten bad lines, a count of the rest, the hint once', () => {
    const text = readFileSync(SEED, 'utf8').split('\n');
    const bad = text.filter((l) => l.trim() !== '' && !isRecordLine(l)).length;
    const out = rejected(SEED);
    expect(out[0]).toMatch(new RegExp(`^whatif report: ${SEED}:1: not JSON \\(`));
    expect(out).toHaveLength(10 + 2);
    expect(out[10]).toBe(`whatif report: ${SEED}: ${bad - 10} more problems`);
    expect(out[11]).toBe(NOT_A_RUN);
  });

  it('rejects an empty file', () => {
    const file = write('empty.ndjson', '');
    expect(rejected(file)).toEqual([`whatif report: ${file}: the file is empty: no run record`]);
  });

  it('rejects NDJSON that does not start with a run record', () => {
    const file = write('no-run.ndjson', lines.slice(1).join('\n') + '\n');
    expect(rejected(file)[0]).toBe(`whatif report: ${file}:1: the first record is a "scenario" record, not the run record: is this the output of a whatif run?`);
  });

  it('rejects JSON lines that are not whatif records, each with its line', () => {
    const file = write('numbers.ndjson', '1\n\n2\n');
    expect(rejected(file)).toEqual([
      `whatif report: ${file}:1: not a whatif record (a JSON object with a "type")`,
      `whatif report: ${file}:3: not a whatif record (a JSON object with a "type")`,
      NOT_A_RUN,
    ]);
  });

  it('rejects a run cut in the middle of a line, at that line', () => {
    const at = seedRun.indexOf('er-link:er2-primary');
    const line = seedRun.slice(0, at).split('\n').length;
    const file = write('cut-line.ndjson', seedRun.slice(0, at + 10));
    const out = rejected(file);
    expect(out[0]).toMatch(new RegExp(`^whatif report: ${file}:${line}: not JSON \\(`));
    expect(out.at(-1)).toBe(NOT_A_RUN);
  });

  it('rejects a run cut at a line boundary, before its summary', () => {
    const file = write('cut-summary.ndjson', lines.slice(0, -1).join('\n') + '\n');
    expect(rejected(file)).toEqual([`whatif report: ${file}: no summary record after 11 records: the run is truncated (a run that was interrupted still writes one)`]);
  });

  it('rejects a run without its baseline', () => {
    const file = write('no-baseline.ndjson', [lines[0], ...lines.slice(2)].join('\n') + '\n');
    expect(rejected(file)).toEqual([`whatif report: ${file}:2: a failure scenario before the baseline: the run is out of order`]);
  });

  it('names every malformed line, not only the first', () => {
    // Line 3 (a failure scenario) with `failed` as a string; line 6 not JSON; line 12 (the summary) without its ranking.
    const file = doctored('three-bad.ndjson', {
      3: (l) => l.replace(/"failed":\[[^\]]*\]/, '"failed":"peering:hub-spoke"'),
      6: (l) => l.slice(0, 20),
      12: (l) => l.replace('"ranking":', '"rankings":'),
    });
    const out = rejected(file);
    expect(out[0]).toBe(`whatif report: ${file}:3: the scenario record field failed must be array`);
    expect(out[1]).toMatch(new RegExp(`^whatif report: ${file}:6: not JSON \\(`));
    expect(out[2]).toBe(`whatif report: ${file}:12: the summary record has no field ranking`);
    expect(out.slice(3).sort()).toEqual([NOT_AS_WRITTEN, NOT_A_RUN].sort());
  });

  it('says which field is wrong and what it should be', () => {
    const file = doctored('bad-pair.ndjson', { 4: (l) => l.replace(/"lost":\[\[/, '"lost":[["hub"],[') });
    expect(rejected(file)[0]).toBe(`whatif report: ${file}:4: the scenario record field lost[0] must NOT have fewer than 2 items (a pair is [source site, destination site])`);
  });

  it('rejects pairs that name a site the run does not have', () => {
    const file = doctored('unknown-site.ndjson', { 4: (l) => l.replace(/"lost":\[\["[^"]*"/, '"lost":[["nowhere"') });
    const id = (JSON.parse(lines[3]!) as { id: string }).id;
    expect(rejected(file)).toEqual([`whatif report: ${file}:4: scenario "${id}": lost names site "nowhere", which the run record does not list`]);
  });

  it('rejects a baseline matrix narrower than the run has sites', () => {
    const file = doctored('narrow.ndjson', { 2: (l) => l.replace('"reach":["111111"', '"reach":["11111"') });
    expect(rejected(file)).toEqual([`whatif report: ${file}:2: scenario "baseline": reach is not a 6x6 matrix (one string of 6 characters per site)`]);
  });

  it('rejects site details that do not follow the sites', () => {
    const run = JSON.parse(lines[0]!) as { sites: string[]; siteDetails?: unknown };
    run.siteDetails = [...run.sites].reverse().map((id) => ({ id, kind: 'vnet' }));
    const file = doctored('details.ndjson', { 1: () => JSON.stringify(run) });
    expect(rejected(file)).toEqual([`whatif report: ${file}:1: siteDetails[0] is "remote", but sites[0] is "hub"`]);
  });

  it('rejects a missing file', () => {
    const file = join(tmp, 'nope.ndjson');
    expect(rejected(file)).toEqual([`whatif report: ${file}: cannot read the run file: no such file`]);
  });

  it('rejects a bad --compare file, even when the run is good', () => {
    const good = write('good.ndjson', seedRun);
    const previous = write('not-a-run.ndjson', '');
    expect(rejected(good, ['--compare', previous])).toEqual([`whatif report: ${previous}: the file is empty: no run record`]);
  });
});

/** A line the report would take as a record: JSON, an object, a string `type`. */
function isRecordLine(line: string): boolean {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';
  } catch {
    return false;
  }
}

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

/** What readRun finds wrong with a file, as `whatif report` prints it (read in process: faster than the CLI). */
async function problems(file: string): Promise<string[]> {
  const error = await readRun(file).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ReportInputError);
  return (error as ReportInputError).text('whatif report: ').trimEnd().split('\n');
}

describe('the report\'s reading of bad resilience records', () => {
  // Up to 2 failures: the scenarios, then one resilience record per pair of sites some combination cuts.
  let run: string[];
  let first: number;
  let hubSpoke: number;
  beforeAll(() => {
    run = readFileSync(runToFile('seed-k2-for-bad-input.ndjson', ['--max-failures', '2']), 'utf8').trimEnd().split('\n');
    first = run.findIndex((l) => l.startsWith('{"type":"resilience"'));
    hubSpoke = run.findIndex((l) => l.startsWith('{"type":"resilience","pair":["hub","spoke"]'));
  });
  const edited = (name: string, lines: string[]): string => write(name, lines.join('\n') + '\n');
  const replaced = (name: string, at: number, line: string): string => edited(name, run.map((l, i) => (i === at ? line : l)));

  it('rejects a pair that names a site the run does not have', async () => {
    const file = replaced('resilience-unknown-site.ndjson', hubSpoke, run[hubSpoke]!.replace('"pair":["hub","spoke"]', '"pair":["hub","nowhere"]'));
    expect(await problems(file)).toEqual([`whatif report: ${file}:${hubSpoke + 1}: the resilience record of "hub" and "nowhere" names site "nowhere", which the run record does not list`]);
  });

  it('rejects a pair out of site order (hub comes before spoke in the run record)', async () => {
    const file = replaced('resilience-order.ndjson', hubSpoke, run[hubSpoke]!.replace('"pair":["hub","spoke"]', '"pair":["spoke","hub"]'));
    expect(await problems(file)).toEqual([`whatif report: ${file}:${hubSpoke + 1}: the resilience record of "spoke" and "hub" is not in site order ("hub" comes first in the run record)`]);
  });

  it('rejects a second record for one pair', async () => {
    const file = edited('resilience-twice.ndjson', [...run.slice(0, hubSpoke + 1), run[hubSpoke]!, ...run.slice(hubSpoke + 1)]);
    expect(await problems(file)).toEqual([`whatif report: ${file}:${hubSpoke + 2}: the resilience record of "hub" and "spoke" is the second for that pair`]);
  });

  it('rejects a cut of a unit the run does not list, and a smallest cut the cuts do not have', async () => {
    const unit = replaced('resilience-unit.ndjson', hubSpoke, run[hubSpoke]!.replace('"cuts":[["peering:hub-spoke"]]', '"cuts":[["peering:hub-spok"]]'));
    expect(await problems(unit)).toEqual([`whatif report: ${unit}:${hubSpoke + 1}: the resilience record of "hub" and "spoke" names unit "peering:hub-spok", which the run record does not list among its failure units`]);
    const size = replaced('resilience-size.ndjson', hubSpoke, run[hubSpoke]!.replace('"smallestCut":1', '"smallestCut":2'));
    expect(await problems(size)).toEqual([`whatif report: ${size}:${hubSpoke + 1}: the resilience record of "hub" and "spoke" gives smallestCut 2, but its smallest cut has 1 unit`]);
  });

  it('rejects a scenario record after the resilience records', async () => {
    const scenario = first - 1;
    const file = edited('resilience-late-scenario.ndjson', [...run.slice(0, scenario), ...run.slice(first, -1), run[scenario]!, run.at(-1)!]);
    expect(await problems(file)).toEqual([`whatif report: ${file}:${run.length - 1}: a scenario record after the resilience records, which follow every scenario: the run is out of order`]);
  });

  it('rejects a summary that counts other pairs than the records say', async () => {
    // The seed at K=2: ten pairs with a single point of failure, hub <-> onprem1 cut by two (seedMinimalCuts).
    const file = replaced('resilience-summary.ndjson', run.length - 1, run.at(-1)!.replace('"bySmallestCut":{"1":10,', '"bySmallestCut":{"1":9,'));
    expect(await problems(file)).toEqual([`whatif report: ${file}:${run.length}: the summary counts 9 pairs whose smallest cut has 1 unit, but the run has 10 resilience records that say so`]);
  });

  it('rejects resilience records without the summary\'s resilience section', async () => {
    const summary = JSON.parse(run.at(-1)!) as { resilience?: unknown };
    delete summary.resilience;
    const file = replaced('resilience-no-section.ndjson', run.length - 1, JSON.stringify(summary));
    expect(await problems(file)).toEqual([`whatif report: ${file}:${run.length}: the summary has no resilience section, but the run has 11 resilience records`]);
  });
});
