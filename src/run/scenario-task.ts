import { levelOf, type AsymmetryClass } from '../analysis/asymmetry.js';
import { diffMatrices, type ScenarioDiff, type SitePair } from '../analysis/diff.js';
import { evaluateScenario, type Engine, type ScenarioResult } from '../analysis/engine.js';
import { scenarioFootprint } from '../analysis/footprint.js';
import { pairBranches } from '../forward/branches.js';
import { failureRecord, pairRecords, scenarioId, type PairRecord, type ScenarioRecord } from '../output/records.js';
import type { ScenarioDone, ScenarioFacts, ScenarioJob, ScenarioRecords, WorkerTask } from './protocol.js';

export interface RecordOptions {
  pairs: boolean;
  full: boolean;
  asymmetry: AsymmetryClass;
  records: ScenarioRecords;
}

/** A worker's task: each scenario evaluated against the baseline, its records written out as bytes. */
export function runScenarios(engine: Engine, task: WorkerTask, options: RecordOptions): ScenarioDone[] {
  return task.scenarios.map((job) => {
    const started = performance.now();
    const { scenario, pairs, diff, result } = scenarioRecords(engine, job.failed, options, job.covered);
    const written = !job.context && (options.records === 'all' || (scenario.irreducible !== undefined
      && scenario.irreducible.lost.length + scenario.irreducible.asymmetric.length > 0));
    const ndjson = written ? ndjsonOf(scenario, pairs) : new Uint8Array(0);
    return {
      index: job.index, ndjson, facts: factsOf(engine, job, scenario, diff, written),
      ...(job.footprint ? { footprint: scenarioFootprint(engine, result) } : {}),
      elapsedMs: performance.now() - started,
    };
  });
}

/**
 * The records of one failure scenario: its diff against the baseline, what it does beyond its parts (given
 * what they do together), then its pairs when asked for.
 */
export function scenarioRecords(engine: Engine, failed: number[], options: Omit<RecordOptions, 'records'>, covered?: ScenarioJob['covered']): {
  scenario: ScenarioRecord; pairs: Iterable<PairRecord>; diff: ScenarioDiff; result: ScenarioResult;
} {
  const { topology, baseline } = engine;
  const result = evaluateScenario(engine, failed);
  const diff = diffMatrices(baseline.matrix, result.matrix, { topology, threshold: levelOf(options.asymmetry) });
  const siteCount = topology.sites.length;
  const beyond = (pairs: SitePair[], parts: readonly number[]): SitePair[] => {
    const known = new Set(parts);
    return pairs.filter(([s, d]) => !known.has(s * siteCount + d));
  };
  const irreducible = covered && { lost: beyond(diff.lost, covered.lost), asymmetric: beyond(diff.asymmetric, covered.asymmetric) };
  const scenario = failureRecord(topology, result, baseline.matrix, diff, options.full, irreducible);
  if (!options.pairs) return { scenario, pairs: [], diff, result };
  const branches = pairBranches(topology, result.fib, baseline.forwarding.probes, baseline.forwarding.probesOfSite);
  return { scenario, pairs: pairRecords(topology, scenarioId(topology, failed), result.matrix, branches), diff, result };
}

function factsOf(engine: Engine, job: ScenarioJob, record: ScenarioRecord, diff: ScenarioDiff, written: boolean): ScenarioFacts {
  const siteCount = engine.topology.sites.length;
  const keys = (pairs: SitePair[]): number[] => pairs.map(([s, d]) => s * siteCount + d);
  return {
    id: record.id, failed: record.failed, lost: diff.lost.length, asymmetric: diff.asymmetric.length,
    rerouted: diff.rerouted.length, unchanged: record.unchanged ?? false, converged: record.converged, written,
    ...(record.failed.length === 1 || job.covered ? { lostPairs: keys(diff.lost) } : {}),
    ...(job.covered ? { asymmetricPairs: keys(diff.asymmetric) } : {}),
  };
}

const encoder = new TextEncoder();

export function ndjsonOf(scenario: ScenarioRecord, pairs: Iterable<PairRecord>): Uint8Array {
  let text = JSON.stringify(scenario) + '\n';
  for (const pair of pairs) text += JSON.stringify(pair) + '\n';
  return encoder.encode(text);
}
