import { levelOf, type AsymmetryClass } from '../analysis/asymmetry.js';
import { diffMatrices, type ScenarioDiff } from '../analysis/diff.js';
import { evaluateScenario, type Engine } from '../analysis/engine.js';
import { pairBranches } from '../forward/branches.js';
import { failureRecord, pairRecords, scenarioId, type PairRecord, type ScenarioRecord } from '../output/records.js';
import type { ScenarioDone, ScenarioFacts, WorkerTask } from './protocol.js';

export interface RecordOptions {
  pairs: boolean;
  full: boolean;
  asymmetry: AsymmetryClass;
}

/** A worker's task: each scenario evaluated against the baseline, its records written out as bytes. */
export function runScenarios(engine: Engine, task: WorkerTask, options: RecordOptions): ScenarioDone[] {
  return task.scenarios.map(({ index, failed }) => {
    const started = performance.now();
    const { scenario, pairs, diff } = scenarioRecords(engine, failed, options);
    const ndjson = ndjsonOf(scenario, pairs);
    return { index, ndjson, facts: factsOf(scenario, diff), elapsedMs: performance.now() - started };
  });
}

/** The records of one failure scenario: its diff against the baseline, then its pairs when asked for. */
export function scenarioRecords(engine: Engine, failed: number[], options: RecordOptions): {
  scenario: ScenarioRecord; pairs: Iterable<PairRecord>; diff: ScenarioDiff;
} {
  const { topology, baseline } = engine;
  const result = evaluateScenario(engine, failed);
  const diff = diffMatrices(baseline.matrix, result.matrix, { topology, threshold: levelOf(options.asymmetry) });
  const scenario = failureRecord(topology, result, baseline.matrix, diff, options.full);
  if (!options.pairs) return { scenario, pairs: [], diff };
  const branches = pairBranches(topology, result.fib, baseline.forwarding.probes, baseline.forwarding.probesOfSite);
  return { scenario, pairs: pairRecords(topology, scenarioId(topology, failed), result.matrix, branches), diff };
}

function factsOf(record: ScenarioRecord, diff: ScenarioDiff): ScenarioFacts {
  return {
    id: record.id, failed: record.failed, lost: diff.lost.length, asymmetric: diff.asymmetric.length,
    rerouted: diff.rerouted.length, unchanged: record.unchanged ?? false, converged: record.converged,
    ...(record.failed.length === 1 ? { lostPairs: diff.lost.flat() } : {}),
  };
}

const encoder = new TextEncoder();

export function ndjsonOf(scenario: ScenarioRecord, pairs: Iterable<PairRecord>): Uint8Array {
  let text = JSON.stringify(scenario) + '\n';
  for (const pair of pairs) text += JSON.stringify(pair) + '\n';
  return encoder.encode(text);
}
