import type {
  AsymmetricPathsIn, AsymmetryClass, AvailabilityFigures, CriticalNodeIn, LegacyFinding, Pair, PathChangeIn, SiteDetail, SitePair, SourcedFinding,
  SummaryRecordIn,
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
  /** Which failure scenarios have records; undefined for runs of engines that wrote them all without saying. */
  scenarioRecords: 'all' | 'irreducible' | undefined;
  /** Runs that look for cut sets: the figures availability rests on. */
  availability: AvailabilityFigures | undefined;
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

/** A pair of sites with the smallest sets of units whose failure together cuts it (one way or both). */
export interface ExposedPair {
  pair: SitePair;
  cuts: string[][];
}

/** The resilience records whose pair's smallest cut has `size` units: how many, and the first of them. */
export interface CutSizeDigest {
  size: number;
  pairs: number;
  /** The first pairs (LIMITS.exposedPairs), in the run's order, each with its cuts of this size. */
  first: ExposedPair[];
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
  /** Pairs by the size of their smallest cut, smallest first; empty when the run has no resilience records. */
  cutSizes: CutSizeDigest[];
  /** The first error records (scenarios that failed to compute); `errorCount` counts them all. */
  errors: { scenario: string; message: string }[];
  errorCount: number;
}
