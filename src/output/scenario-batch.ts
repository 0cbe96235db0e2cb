import type { CompiledTopology } from '../model/compiled.js';
import { formatPrefix } from '../model/prefix.js';
import { createEngine, evaluateScenario, type Engine } from '../analysis/engine.js';
import { diffMatrices } from '../analysis/diff.js';
import { computeMatrix } from '../forward/matrix.js';
import { baselineRecord, failureRecord, pairRecords, scenarioId, BASELINE_ID, type PairRecord, type ScenarioRecord } from './records.js';

/**
 * What a worker is asked to do. The baseline is a task too: the coordinator builds no engine of its own.
 * Scenario tasks carry a few scenarios each, so the pool's round trip (~0.1 ms) stays negligible.
 * Both directions travel msgpack-encoded (workers/scenario-worker.ts).
 */
export type WorkerTask =
  | { kind: 'baseline'; pairs: boolean }
  | { kind: 'scenarios'; scenarios: { index: number; failed: number[] }[]; pairs: boolean; full: boolean };

/**
 * Per scenario (or the baseline): its records as NDJSON bytes, ready to write (with --pairs one scenario is
 * megabytes: the coordinator must not hold it as objects), and the scenario record itself for the summary.
 */
export interface Finished {
  index: number;
  scenario: ScenarioRecord;
  ndjson: Uint8Array;
}

/** What each worker receives once, at start-up. */
export interface WorkerSetup {
  topology: CompiledTopology;
  incremental: boolean;
}

export function prepareEngine(setup: WorkerSetup): Engine {
  return createEngine(setup.topology, { incremental: setup.incremental });
}

export function runTask(engine: Engine, task: WorkerTask): Finished[] {
  if (task.kind === 'baseline') {
    const { scenario, pairs } = baselineRecords(engine, task.pairs);
    return [{ index: -1, scenario, ndjson: ndjsonOf(scenario, pairs) }];
  }
  return task.scenarios.map(({ index, failed }) => {
    const { scenario, pairs } = scenarioRecords(engine, failed, task);
    return { index, scenario, ndjson: ndjsonOf(scenario, pairs) };
  });
}

/** The baseline record, and its pairs when asked for (traced again, keeping every branch for the hops). */
export function baselineRecords(engine: Engine, withPairs: boolean): { scenario: ScenarioRecord; pairs: Iterable<PairRecord> } {
  const { topology, baseline } = engine;
  const notConverged = baseline.state.notConverged.map((p) => formatPrefix(topology.prefixes[p]!));
  const scenario = baselineRecord(topology, baseline.matrix, baseline.criticalNodes, notConverged);
  const pairs = withPairs ? pairRecords(topology, BASELINE_ID, computeMatrix(topology, baseline.fib, { keepBranches: true })) : [];
  return { scenario, pairs };
}

/** The records of one failure scenario: its diff against the baseline, then its pairs when asked for. */
export function scenarioRecords(engine: Engine, failed: number[], options: { pairs: boolean; full: boolean }): { scenario: ScenarioRecord; pairs: Iterable<PairRecord> } {
  const result = evaluateScenario(engine, failed, { keepBranches: options.pairs });
  const diff = diffMatrices(engine.baseline.matrix, result.matrix, result.changedPairs);
  const scenario = failureRecord(engine.topology, result, engine.baseline.matrix, diff, options.full);
  return { scenario, pairs: options.pairs ? pairRecords(engine.topology, scenarioId(engine.topology, failed), result.matrix) : [] };
}

const encoder = new TextEncoder();

function ndjsonOf(scenario: ScenarioRecord, pairs: Iterable<PairRecord>): Uint8Array {
  let text = JSON.stringify(scenario) + '\n';
  for (const pair of pairs) text += JSON.stringify(pair) + '\n';
  return encoder.encode(text);
}
