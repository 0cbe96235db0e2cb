import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combinations } from '../../src/failures/enumerate.js';
import { mulberry32 } from '../../src/sources/generate/seeded-random.js';
import { records, SEED, whatif } from '../cli-process.js';
import { asIncremental } from '../incremental-mode.js';

/**
 * The incremental engine (warm-started BGP, changed-node tracking, retracing only what a change reaches)
 * against the plain full recomputation (`--no-incremental`), byte for byte; the only difference allowed is
 * the run record's own `incremental` flag. Completely on the seed and S at k = 2 and on M's single failures;
 * on M at k = 2 over a deterministic sample of unit pairs that always holds the heaviest scenarios
 * (`npm run test:full` compares all 11,781 of them).
 */
const tmp = mkdtempSync(join(tmpdir(), 'whatif-incremental-'));

function generated(preset: string): string {
  const file = join(tmp, `${preset}.json`);
  writeFileSync(file, whatif(['generate', '--preset', preset]).stdout);
  return file;
}

function expectSameBytes(args: string[]): string {
  const fast = whatif([...args, '--workers', '2']);
  const reference = whatif([...args, '--workers', '2', '--no-incremental']);
  expect(fast.stderr).toBe('');
  expect(fast.status).toBe(0);
  expect(reference.status).toBe(0);
  expect(asIncremental(reference.stdout, fast.stdout)).toBe(fast.stdout);
  return fast.stdout;
}

describe('incremental and --no-incremental give byte-identical NDJSON', () => {
  it('the seed, --max-failures 3, every combination', () => {
    const lines = records(expectSameBytes([SEED, '--max-failures', '3', '--all-scenarios']));
    expect(lines.filter((r) => r.type === 'scenario')).toHaveLength(1 + 129);
  });

  it('the seed, --max-failures 3, the irreducible combinations (the same pruning either way)', () => {
    expect(records(expectSameBytes([SEED, '--max-failures', '3'])).filter((r) => r.type === 'scenario').length).toBeGreaterThan(1);
  });

  it.each(['hub-firewall-gateway-subnet', 'spoke-default-route-propagation', 'route-server-default-route', 'route-server-branch-to-branch'])(
    'the %s case (appliances, subnet tables, Route Server), --max-failures 3, every combination, with --pairs', (name) => {
      const file = new URL(`../cases/${name}.json`, import.meta.url).pathname;
      expect(expectSameBytes([file, '--max-failures', '3', '--all-scenarios', '--pairs']).length).toBeGreaterThan(1000);
    },
  );

  it('S, --max-failures 2, every combination', () => {
    expect(expectSameBytes([generated('S'), '--max-failures', '2', '--all-scenarios']).split('\n').length).toBeGreaterThan(700);
  });

  const m = generated('M');
  let singles: { fast: string; reference: string } | undefined;
  const mSingles = (): { fast: string; reference: string } => {
    singles ??= {
      fast: whatif([m, '--all-single-failures', '--workers', '2']).stdout,
      reference: whatif([m, '--all-single-failures', '--workers', '2', '--no-incremental']).stdout,
    };
    return singles;
  };

  it('M, --all-single-failures', () => {
    const { fast, reference } = mSingles();
    const lines = records(fast);
    const enabled = (lines[0]!.failureUnits as string[]).length;
    expect(enabled).toBeGreaterThan(140);
    expect(lines.filter((r) => r.type === 'scenario')).toHaveLength(1 + enabled);
    expect(asIncremental(reference, fast)).toBe(fast);
  });

  it('M, --max-failures 2 over a sample of unit pairs that holds the heaviest', () => {
    const sample = samplePairs(records(mSingles().fast), { heaviest: 8, perHeavy: 6, random: 120 });
    const stdout = expectSameBytes([m, ...sample.flatMap((pair) => ['--fail', pair.join(',')])]);
    expect(records(stdout).filter((r) => r.type === 'scenario')).toHaveLength(1 + sample.length);
  });
});

/**
 * Unit pairs to compare at k = 2: every pair among the `heaviest` units (by the pairs their single failure
 * loses, reroutes or makes asymmetric), each heavy unit with `perHeavy` others, and `random` more pairs, all
 * drawn with a fixed seed, in enumeration order.
 */
function samplePairs(run: Record<string, unknown>[], counts: { heaviest: number; perHeavy: number; random: number }): string[][] {
  const units = (run[0]!.failureUnits as string[]);
  const weight = new Map<string, number>();
  for (const r of run) {
    if (r.type !== 'scenario' || r.id === 'baseline') continue;
    const size = (key: string): number => ((r[key] as unknown[] | undefined) ?? []).length;
    weight.set((r.failed as string[])[0]!, size('lost') + size('rerouted') + size('asymmetric'));
  }
  const byWeight = units.map((u, i) => ({ i, w: weight.get(u) ?? 0 })).sort((a, b) => b.w - a.w || a.i - b.i);
  const heavy = byWeight.slice(0, counts.heaviest).map((x) => x.i);
  const random = mulberry32(20261130);
  const draw = (n: number): number => Math.floor((random() / 4294967296) * n);
  const chosen = new Set<string>();
  const add = (a: number, b: number): void => { if (a !== b) chosen.add([Math.min(a, b), Math.max(a, b)].join(',')); };
  for (const [a, b] of combinations(heavy.length, 2)) if (b !== undefined) add(heavy[a!]!, heavy[b]!);
  for (const h of heavy) for (let k = 0; k < counts.perHeavy; k++) add(h, draw(units.length));
  while (chosen.size < counts.heaviest * (counts.heaviest - 1) / 2 + counts.random) add(draw(units.length), draw(units.length));
  return [...chosen].map((key) => key.split(',').map(Number)).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!)
    .map(([a, b]) => [units[a!]!, units[b!]!]);
}
