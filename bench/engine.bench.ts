import { pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import { compileTopology } from '../src/model/compile.js';
import { generateTopology } from '../src/sources/generate/generate.js';
import { createEngine, evaluateScenario, type Engine } from '../src/analysis/engine.js';
import { levelOf } from '../src/analysis/asymmetry.js';
import { diffMatrices } from '../src/analysis/diff.js';
import { createControlContext } from '../src/control/context.js';
import { computeRoutingState } from '../src/control/routing-state.js';
import { enabledUnits } from '../src/failures/enumerate.js';
import type { BenchRow } from './trie.bench.js';

/**
 * Per-scenario costs on the M preset, incremental against full recomputation: BGP convergence alone, and a
 * whole scenario (routing state, matrix, diff). Each iteration fails the next enabled unit, round robin.
 */
export async function runEngineBench(): Promise<BenchRow[]> {
  const topology = compileTopology(generateTopology({ preset: 'M' }));
  const units = enabledUnits(topology);
  const incremental = createEngine(topology);
  const full = createEngine(topology, { incremental: false });
  const control = createControlContext(topology);
  let next = 0;
  const unit = (): number[] => [units[next++ % units.length]!];
  const scenario = (engine: Engine): void => {
    const result = evaluateScenario(engine, unit());
    diffMatrices(engine.baseline.matrix, result.matrix, { topology, threshold: levelOf('circuit') });
  };

  const bench = new Bench({ time: 2000, warmup: true });
  bench
    .add('convergence per scenario, warm start (M)', () => { computeRoutingState(control, unit(), incremental.baseline.routing); })
    .add('convergence per scenario, cold (M)', () => { computeRoutingState(control, unit()); })
    .add('scenario incl. matrix + diff, incremental (M)', () => scenario(incremental))
    .add('scenario incl. matrix + diff, full (M)', () => scenario(full));
  await bench.run();

  const rows: BenchRow[] = [];
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`benchmark "${task.name}" did not complete: ${result.state}`);
    rows.push({ suite: 'engine', case: task.name, opsPerSec: result.throughput.mean, p50Ms: result.latency.p50 });
  }
  const ratio = (a: number, b: number): string => `${(rows[a]!.opsPerSec / rows[b]!.opsPerSec).toFixed(1)}x`;
  console.log('\nEngine, M preset (100 sites, 152 failure units), one failed unit per iteration');
  for (const row of rows) console.log(`  ${row.case.padEnd(48)} ${row.p50Ms.toFixed(2).padStart(8)} ms p50  ${row.opsPerSec.toFixed(0).padStart(6)} scenarios/s`);
  console.log(`  warm/cold convergence: ${ratio(0, 1)}; incremental/full scenario: ${ratio(2, 3)}`);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runEngineBench();
