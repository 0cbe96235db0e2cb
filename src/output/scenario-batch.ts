import type { CompiledTopology } from '../model/compiled.js';
import { createEngine, evaluateScenario, type Engine } from '../analysis/engine.js';
import { diffMatrices } from '../analysis/diff.js';
import { failureRecord, pairRecords, scenarioId, type PairRecord, type ScenarioRecord } from './records.js';

/**
 * The unit of work a worker receives: a few scenarios, so the pool's round trip (~0.1 ms) stays negligible.
 * Both directions travel msgpack-encoded (workers/scenario-worker.ts).
 */
export interface ScenarioBatch {
  scenarios: { index: number; failed: number[] }[];
  pairs: boolean;
  full: boolean;
}

/**
 * Per scenario: its records as NDJSON bytes, ready to write (with --pairs one scenario is megabytes: the
 * coordinator must not hold it as objects), and the scenario record itself for the summary.
 */
export interface ScenarioBatchResult {
  results: { index: number; scenario: ScenarioRecord; ndjson: Uint8Array }[];
}

/** What each worker receives once, at start-up. */
export interface WorkerSetup {
  topology: CompiledTopology;
  incremental: boolean;
}

export function prepareEngine(setup: WorkerSetup): Engine {
  return createEngine(setup.topology, { incremental: setup.incremental });
}

/** The records of one failure scenario: its diff against the baseline, then its pairs when asked for. */
export function scenarioRecords(engine: Engine, failed: number[], options: { pairs: boolean; full: boolean }): { scenario: ScenarioRecord; pairs: Iterable<PairRecord> } {
  const result = evaluateScenario(engine, failed, { keepBranches: options.pairs });
  const diff = diffMatrices(engine.baseline.matrix, result.matrix, result.changedPairs);
  const scenario = failureRecord(engine.topology, result, engine.baseline.matrix, diff, options.full);
  return { scenario, pairs: options.pairs ? pairRecords(engine.topology, scenarioId(engine.topology, failed), result.matrix) : [] };
}

const encoder = new TextEncoder();

export function runScenarioBatch(engine: Engine, batch: ScenarioBatch): ScenarioBatchResult {
  return {
    results: batch.scenarios.map(({ index, failed }) => {
      const { scenario, pairs } = scenarioRecords(engine, failed, batch);
      let text = JSON.stringify(scenario) + '\n';
      for (const pair of pairs) text += JSON.stringify(pair) + '\n';
      return { index, scenario, ndjson: encoder.encode(text) };
    }),
  };
}
