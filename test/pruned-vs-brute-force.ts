import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect } from 'vitest';
import { whatif } from './cli-process.js';

/**
 * A run of irreducible combinations (pruned: stub-cutting units skip, composable parts derive) against the
 * brute-force run (`--all-scenarios`: every combination simulated and written, each with what it adds beyond
 * its parts). The pruned run must write exactly the brute-force run's irreducible scenarios, byte for byte,
 * and the same cut sets and availability.
 *
 * Both runs write to files read line by line: M's brute-force output at k = 2 is larger than the longest
 * string V8 can hold, so it never passes through one.
 */

/** The pruned run's scenario counts (summary.scenarios). */
export interface ScenarioCounts {
  total: number;
  run: number;
  derived: number;
  skipped: number;
  written: number;
}

/** The lines of one run that the comparison needs: scenarios kept by `keep`, resilience records, the summary. */
interface RunLines {
  scenarios: string[];
  resilience: string[];
  summary: Record<string, unknown>;
}

type Parsed = Record<string, unknown>;

async function readRun(file: string, keep: (record: Parsed) => boolean): Promise<RunLines> {
  const run: RunLines = { scenarios: [], resilience: [], summary: {} };
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    const record = JSON.parse(line) as Parsed;
    if (record.type === 'scenario' && keep(record)) run.scenarios.push(line);
    else if (record.type === 'resilience') run.resilience.push(line);
    else if (record.type === 'summary') run.summary = record;
  }
  return run;
}

/** What a brute-force scenario adds beyond its parts: the baseline, or a lost or asymmetric pair no subset has. */
function isIrreducible(record: Parsed): boolean {
  const adds = record.irreducible as { lost: unknown[]; asymmetric: unknown[] } | undefined;
  return record.id === 'baseline' || (adds !== undefined && adds.lost.length + adds.asymmetric.length > 0);
}

export async function comparePrunedWithBruteForce(topology: string, k: number): Promise<{ pruned: ScenarioCounts; written: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'whatif-pruned-'));
  const common = [topology, '--max-failures', String(k), '--workers', '2', '--availability-target', '99.99'];
  const [prunedFile, bruteFile] = [join(dir, 'pruned.ndjson'), join(dir, 'brute.ndjson')];
  const prunedRun = whatif([...common, '--out', prunedFile]);
  expect(prunedRun.status, prunedRun.stderr).toBe(0);
  const bruteRun = whatif([...common, '--all-scenarios', '--out', bruteFile]);
  expect(bruteRun.status, bruteRun.stderr).toBe(0);
  const pruned = await readRun(prunedFile, () => true);
  const brute = await readRun(bruteFile, isIrreducible);
  expect(pruned.scenarios).toEqual(brute.scenarios);
  expect(pruned.resilience).toEqual(brute.resilience);
  expect(pruned.summary.resilience).toEqual(brute.summary.resilience);
  expect(pruned.summary.singlePointsOfFailure).toEqual(brute.summary.singlePointsOfFailure);
  const scenarios = pruned.summary.scenarios as ScenarioCounts;
  expect(scenarios.run + scenarios.derived + scenarios.skipped).toBe(scenarios.total);
  expect((brute.summary.scenarios as ScenarioCounts).run).toBe(scenarios.total);
  return { pruned: scenarios, written: brute.scenarios.length - 1 };
}
