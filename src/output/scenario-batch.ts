import type { CompiledTopology } from '../model/compiled.js';
import { createEngine, evaluateScenario, type Engine } from '../analysis/engine.js';
import { diffMatrices } from '../analysis/diff.js';
import { failureRecord, pairRecords, scenarioId, type WhatifRecord } from './records.js';

/**
 * The unit of work a worker receives: a few scenarios, so the pool's round trip (~0.1 ms) stays negligible.
 * Both directions travel msgpack-encoded (workers/scenario-worker.ts).
 */
export interface ScenarioBatch {
  scenarios: { index: number; failed: number[] }[];
  pairs: boolean;
  full: boolean;
}

export interface ScenarioBatchResult {
  results: { index: number; records: WhatifRecord[] }[];
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
export function scenarioRecords(engine: Engine, failed: number[], options: { pairs: boolean; full: boolean }): WhatifRecord[] {
  const result = evaluateScenario(engine, failed, { keepBranches: options.pairs });
  const diff = diffMatrices(engine.baseline.matrix, result.matrix, options.pairs ? undefined : result.changedColumns);
  const records: WhatifRecord[] = [failureRecord(engine.topology, result, diff, options.full)];
  if (options.pairs) records.push(...pairRecords(engine.topology, scenarioId(engine.topology, failed), result.matrix));
  return records;
}

export function runScenarioBatch(engine: Engine, batch: ScenarioBatch): ScenarioBatchResult {
  return {
    results: batch.scenarios.map(({ index, failed }) => ({ index, records: scenarioRecords(engine, failed, batch) })),
  };
}
