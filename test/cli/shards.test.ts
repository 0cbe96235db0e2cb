import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedRun, records, SEED, whatif, type CliResult } from '../cli-process.js';
import { runShards as shardFiles } from '../shard-runs.js';

/**
 * `--shard I/N` and `whatif merge`: N shards, each run on its own as a batch engine's task would, merge into the
 * bytes of the one-machine run. Every N from 1 to 5 with --pairs, S's, and M at k = 2 are in the full suite
 * (test/full/shards.test.ts).
 */
const tmp = mkdtempSync(join(tmpdir(), 'whatif-shards-'));
const S = join(tmp, 'S.json');
writeFileSync(S, whatif(['generate', '--preset', 'S']).stdout);
const runShards = (args: string[], count: number): string[] => shardFiles(tmp, args, count);
const merge = (files: string[], extra: string[] = []): CliResult => whatif(['merge', ...files, ...extra]);

describe('shards merge to the bytes of the one-machine run', () => {
  it.each([
    ['the seed at k = 3', [SEED, '--max-failures', '3', '--availability-target', '99.99'], [1, 2, 3, 4, 5]],
    ['the seed at k = 3 with --pairs', [SEED, '--max-failures', '3', '--availability-target', '99.99', '--pairs'], [2, 5]],
    ['S at k = 3', [S, '--max-failures', '3', '--availability-target', '99.99'], [3]],
  ])('%s, N = %j', (_name, run, counts) => {
    const single = whatif([...run, '--workers', '2']);
    expect(single.status, single.stderr).toBe(0);
    for (const count of counts) {
      // Shards given in reverse: merge orders them by their index.
      const merged = merge(runShards(run, count).reverse());
      expect(merged.status, merged.stderr).toBe(0);
      expect(merged.stderr).toBe('');
      expect(merged.stdout === single.stdout, `${count} shards`).toBe(true);
    }
  });
});

describe('a shard file', () => {
  const [first, second] = runShards([SEED, '--max-failures', '2'], 2);
  const one = records(readFileSync(first!, 'utf8'));
  const two = records(readFileSync(second!, 'utf8'));

  it('opens with the run record, naming the shard, and the fingerprint all shards of the run share', () => {
    expect(one[0]).toMatchObject({ type: 'run', scenarios: 45, shard: { index: 1, count: 2 } });
    expect(two[0]).toMatchObject({ type: 'run', scenarios: 45, shard: { index: 2, count: 2 } });
    expect(one[0]!.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(two[0]!.fingerprint).toBe(one[0]!.fingerprint);
    const other = records(whatif([SEED, '--max-failures', '2', '--asymmetry', 'link', '--shard', '1/2']).stdout);
    expect(other[0]!.fingerprint).not.toBe(one[0]!.fingerprint);
  });

  it('holds its contiguous slice: of 45 combinations, positions 0..21 then 22..44', () => {
    // floor(45 / 2) = 22: the 9 singles and the first 13 doubles are shard 1's. In links order peering:hub-spoke
    // pairs with 8 units (doubles 1-8), vpn:hub-branch with 7 (9-15): shard 2 starts at the 14th double,
    // vpn:hub-branch + er-conn:er1-remote.
    expect(one.at(-1)).toMatchObject({ type: 'summary', partial: false, scenarios: { total: 22 }, shard: { index: 1, count: 2 } });
    expect(two.at(-1)).toMatchObject({ type: 'summary', partial: false, scenarios: { total: 23 }, shard: { index: 2, count: 2 } });
    // Written are the irreducible ones: shard 1's doubles add nothing to their halves; shard 2 writes the seed's
    // three dual-failure exposures (test/cli/resilience.test.ts), the first of them first.
    const failed = (lines: Record<string, unknown>[]): string[][] => lines.filter((r) => r.type === 'scenario' && r.id !== 'baseline').map((r) => r.failed as string[]);
    expect(failed(one).every((f) => f.length === 1)).toBe(true);
    expect(failed(two)).toEqual([
      ['vpn:hub-onprem1', 'er-link:er1-primary'], ['vpn:hub-onprem1', 'er-conn:er1-hub'], ['er-link:er2-primary', 'er-link:er2-secondary'],
    ]);
  });

  it('writes no resilience records: its summary carries the minimal cuts it found, for the merge', () => {
    for (const lines of [one, two]) expect(lines.filter((r) => r.type === 'resilience')).toHaveLength(0);
    const units = one[0]!.failureUnits as string[];
    const sites = one[0]!.sites as string[];
    const cuts = (lines: Record<string, unknown>[]): string[] => ((lines.at(-1)!.shard as { cuts: number[][] }).cuts)
      .map(([a, b, ...u]) => `${sites[a!]}-${sites[b!]}: ${u.map((i) => units[i]).join('+')}`);
    // Shard 1 holds every single failure; among its doubles only peering and vpn:hub-branch pairs, which cut
    // nothing their halves do not. Shard 2 holds the seed's three dual-failure cuts (test/cases/seed.expected.ts).
    expect(cuts(one)).toContain('hub-spoke: peering:hub-spoke');
    expect(cuts(one).every((c) => !c.includes('+'))).toBe(true);
    expect(cuts(two)).toContain('hub-onprem1: vpn:hub-onprem1+er-link:er1-primary');
    expect(cuts(two).every((c) => c.includes('+'))).toBe(true);
  });
});

it('merge reads run records and summaries of many megabytes, as an estate\'s are', () => {
  const run = [SEED, '--max-failures', '2'];
  // 3 MiB of padding in each shard's run record and summary: their lines span several of the pieces merge reads.
  const pad = `"pad":"${'x'.repeat(3 << 20)}",`;
  const padded = (text: string, type: string): string => text.replace(`{"type":"${type}",`, `{"type":"${type}",${pad}`);
  const files = runShards(run, 2);
  for (const file of files) writeFileSync(file, padded(padded(readFileSync(file, 'utf8'), 'run'), 'summary'));
  const merged = merge(files);
  expect(merged.status, merged.stderr).toBe(0);
  // The run record is shard 1's (pad and all) without its shard; the summary is merge's own.
  expect(merged.stdout === padded(whatif(run).stdout, 'run')).toBe(true);
});

describe('merge refuses what is not one whole run, exit 2, nothing on stdout', () => {
  const three = runShards([SEED, '--max-failures', '2'], 3);
  const [a1, a2, a3] = three;

  function refused(files: string[], ...messages: RegExp[]): void {
    const r = merge(files);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    for (const message of messages) expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: /);
  }

  it('a missing shard', () => {
    refused([a1!, a3!], /shard 2\/3 missing/, /give all 3 shards/);
  });

  it('a shard given twice', () => {
    refused([a1!, a2!, a2!, a3!], /shard 2\/3 given twice/);
  });

  it('shards of another cut (another N)', () => {
    const [other] = runShards([SEED, '--max-failures', '2'], 2);
    refused([a1!, other!, a3!], /shard of 2, where .* is a shard of 3/);
  });

  it('a shard of another topology', () => {
    const [, s2] = runShards([S, '--max-failures', '2'], 3);
    refused([a1!, s2!, a3!], new RegExp(`${s2!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: another run: its topology or options differ`));
  });

  it('a shard run with other options', () => {
    const [, p2] = runShards([SEED, '--max-failures', '2', '--pairs'], 3);
    refused([a1!, p2!, a3!], /another run: its topology or options differ/, /only --shard, --workers and --out may differ/);
  });

  it('a file cut short (no summary at its end)', () => {
    const cut = join(tmp, 'cut-short.ndjson');
    writeFileSync(cut, readFileSync(a2!, 'utf8').split('\n').slice(0, 3).join('\n') + '\n');
    refused([a1!, cut, a3!], /cut-short\.ndjson: cut short/);
  });

  it('what is no shard: a one-machine run, a topology file, a file that is not there', () => {
    const whole = join(tmp, 'whole.ndjson');
    writeFileSync(whole, whatif([SEED, '--max-failures', '2']).stdout);
    refused([whole], /whole\.ndjson: not a shard/);
    refused([SEED], /not a whatif run/);
    refused([a1!, join(tmp, 'nowhere.ndjson')], /nowhere\.ndjson: cannot read it/);
  });

  it('a partial shard: one interrupted with Ctrl-C', async () => {
    const { code, stdout } = await interruptedRun([S, '--max-failures', '2', '--all-scenarios', '--pairs', '--shard', '1/2', '--workers', '1']);
    expect(code).toBe(130);
    const partial = join(tmp, 'partial.ndjson');
    writeFileSync(partial, stdout);
    refused([partial], /partial\.ndjson: shard 1\/2 is partial \(interrupted\)/, /run that shard again/);
  }, 60_000);
});

describe('merge --fail-on, as the one-machine run', () => {
  const run = [SEED, '--max-failures', '2', '--availability-target', '99.99'];
  const shards = runShards(run, 3);

  it('exits as the whole run does, with its bytes', () => {
    for (const failOn of [['spof'], ['availability'], ['lost', 'asymmetric']]) {
      const single = whatif([...run, '--fail-on', ...failOn]);
      const merged = merge(shards, ['--fail-on', ...failOn]);
      expect(single.status).toBe(1);
      expect(merged.status).toBe(single.status);
      expect(merged.stdout === single.stdout).toBe(true);
    }
    // Every seed pair that a single unit cuts is short of 99.99%; none is short of 99%.
    const lax = [SEED, '--max-failures', '2', '--availability-target', '99'];
    expect(whatif([...lax, '--fail-on', 'availability']).status).toBe(0);
    expect(merge(runShards(lax, 2), ['--fail-on', 'availability']).status).toBe(0);
  });

  it('availability needs shards run with a target', () => {
    const r = merge(runShards([SEED, '--max-failures', '2'], 2), ['--fail-on', 'availability']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/ran without --availability-target, which --fail-on availability needs/);
  });

  it('a shard alone judges nothing: --fail-on goes to the merge', () => {
    const r = whatif([...run, '--shard', '1/3', '--fail-on', 'spof']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/give it to `whatif merge`/);
  });
});

describe('--shard auto/N: the index from the batch engine', () => {
  it.each([
    ['a Kubernetes Indexed Job', { JOB_COMPLETION_INDEX: '1' }],
    ['an AWS Batch array job', { AWS_BATCH_JOB_ARRAY_INDEX: '1' }],
    ['a Slurm job array (--array=1-3)', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '1' }],
  ])('%s: its second task is shard 2/3', (_engine, variables) => {
    const args = [SEED, '--max-failures', '2', '--workers', '1'];
    const auto = whatif([...args, '--shard', 'auto/3'], { env: { ...process.env, ...variables } });
    expect(auto.status, auto.stderr).toBe(0);
    expect(auto.stdout).toBe(whatif([...args, '--shard', '2/3']).stdout);
  });
});

describe('--shard usage errors: exit 2, nothing on stdout', () => {
  it.each([
    [['--shard', '0/3'], /shard 0 is not one of 1\.\.3/],
    [['--shard', '2'], /--shard takes I\/N/],
    [['--shard', 'auto/3'], /none is set; give the shard as I\/N/],
  ])('%j', (args, message) => {
    const r = whatif([SEED, '--max-failures', '2', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
