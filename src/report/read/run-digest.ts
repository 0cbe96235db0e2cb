import type {
  AsymmetricPathsIn, AsymmetryClass, CriticalNodeIn, LegacyFinding, Pair, PathChangeIn, SiteDetail, SourcedFinding, SummaryRecordIn,
} from './run-records.js';

/** What the report keeps of the run record, with the defaults of older runs filled in. */
export interface RunInfo {
  topology: string;
  sites: string[];
  /** Parallel to `sites`, when the engine wrote them. */
  siteDetails: SiteDetail[] | undefined;
  failureUnits: string[];
  disabledUnits: string[];
  scenarios: number;
  maxFailures: number;
  designFindings: (SourcedFinding | LegacyFinding)[];
  /** Undefined for runs written before asymmetry had classes: every asymmetric pair counts. */
  asymmetryThreshold: AsymmetryClass | undefined;
}

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

/** Full matrices: `reach` and `sym` always, `asymmetry` (classes) from newer engines. */
export interface Matrices {
  reach: string[];
  sym: string[];
  asymmetry?: string[] | undefined;
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
  /** Its own matrices, when the run had --full. */
  matrices: Matrices | undefined;
  moves: PathChangeIn[];
  asymmetricPaths: AsymmetricPathsIn[];
  converged: boolean;
}

export interface BaselineDigest extends Matrices {
  asymmetricPaths: AsymmetricPathsIn[];
  /** Asymmetric pairs the record counted but did not list with their paths. */
  asymmetricPathsOmitted: number;
  criticalNodes: CriticalNodeIn[];
  converged: boolean;
  notConverged: string[];
}

/**
 * Everything a report needs from a run, bounded whatever the run's size: pair records are only counted,
 * and scenarios are kept only when they rank near the top or are single failures (one per unit).
 */
export interface RunDigest {
  file: string;
  run: RunInfo;
  baseline: BaselineDigest;
  summary: SummaryRecordIn;
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
