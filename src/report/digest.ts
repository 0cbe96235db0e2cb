import type { AsymmetricPaths, PathChange, RunRecord, SummaryRecord } from '../output/records.js';

/** A directed pair of site ids. */
export type Pair = [src: string, dst: string];

/** How many pairs each list of a scenario record held (its lists in a digest may be cut short). */
export interface ScenarioCounts {
  lost: number;
  gained: number;
  rerouted: number;
  asymmetric: number;
  symmetricAgain: number;
  moves: number;
  asymmetricPaths: number;
}

/**
 * What the report keeps of one failure scenario: its diff against the baseline and the paths that moved.
 * Lists are cut at a budget (`counts` has the true sizes); `complete` says the pair lists are whole, so the
 * scenario's matrix can be rebuilt from the baseline.
 */
export interface ScenarioDigest {
  id: string;
  failed: string[];
  counts: ScenarioCounts;
  complete: boolean;
  lost: Pair[];
  gained: Pair[];
  rerouted: Pair[];
  asymmetric: Pair[];
  symmetricAgain: Pair[];
  /** Full matrices, when the run had --full. */
  reach?: string[];
  sym?: string[];
  moves: PathChange[];
  asymmetricPaths: AsymmetricPaths[];
  converged: boolean;
}

export interface BaselineDigest {
  reach: string[];
  sym: string[];
  asymmetricPaths: AsymmetricPaths[];
  criticalNodes: { node: string; kind: string; pairCount: number; pairs: Pair[] }[];
  converged: boolean;
  notConverged: string[];
}

/**
 * Everything a report needs from a run, bounded whatever the run's size: pair records are only counted,
 * and scenarios are kept only when they rank near the top or are single failures (one per unit).
 */
export interface RunDigest {
  file: string;
  run: RunRecord;
  baseline: BaselineDigest;
  summary: SummaryRecord;
  /** Details of the summary's ranking entries, by id (an entry is missing only if the keeper dropped it). */
  ranked: Map<string, ScenarioDigest>;
  /** Single-failure scenarios, in run order. */
  singles: ScenarioDigest[];
  /** Scenario records read (the baseline excluded). */
  scenariosRead: number;
  pairRecords: number;
  /** The first error records (scenarios that failed to compute); `errorCount` counts them all. */
  errors: { scenario: string; message: string }[];
  errorCount: number;
}
