import type { AsymmetryClass, RankingEntryIn } from '../read/run-records.js';
import type { CellCode } from './cells.js';
import type { DesignFinding } from './design-findings.js';
import type { PairShape } from './pair-shape.js';
import type { AsymmetryGroup, MoveGroup } from './path-changes.js';
import type { ResilienceView } from './resilience.js';
import type { SiteGroup, SiteGroups } from './site-groups.js';
import type { SpofView } from './spof.js';

/**
 * The report's content, format-free and wordless: facts and their shapes, built once from the run's digest.
 * words/ turns it into sentences, and the Markdown and HTML renderers draw those, so both say the same things in
 * the same order. Ids stay raw strings here; each renderer escapes them for its format.
 */
export interface ReportView {
  topology: string;
  file: string;
  sites: string[];
  groups: SiteGroups;
  facts: RunFacts;
  warnings: Warning[];
  /** The class from which a pair counts as asymmetric; undefined when the run has no classes (all count). */
  threshold: AsymmetryClass | undefined;
  /** Undefined when the run does not look for cut sets (`--max-failures`). */
  resilience: ResilienceView | undefined;
  /** Undefined when the run has no single-failure scenarios to tell. */
  spof: SpofView | undefined;
  designFindings: DesignFinding[];
  criticalNodes: CriticalNode[];
  /**
   * Units whose single failure changes no pair at all; undefined when the run cannot tell: it has no single
   * failures, or writes only irreducible ones (a failure that only reroutes is counted, not written).
   */
  noEffect: string[] | undefined;
  baseline: BaselineView;
  ranking: RankedScenario[];
  rankingOmitted: number;
  moves: ScenarioMoves[];
  asymmetry: ScenarioAsymmetry[];
  heatmap: HeatmapView;
}

export interface RunFacts {
  failureUnits: number;
  disabledUnits: string[];
  planned: number;
  maxFailures: number;
  /** Which failure scenarios have records; undefined for runs of engines that wrote them all without saying. */
  scenarioRecords: 'all' | 'irreducible' | undefined;
  /** Simulated. */
  run: number;
  /** Runs of irreducible scenarios: shown to add up to their parts without simulation. */
  derived: number;
  /** Runs of irreducible scenarios: holding a unit that cuts a stub site off (never irreducible). */
  skipped: number;
  /** With records in the file; undefined for runs that do not say. */
  written: number | undefined;
  unchanged: number;
  errors: number;
  notConverged: number;
  pairRecords: number;
  partial: boolean;
}

/** What makes the run's numbers less than the whole truth; said before anything else. */
export type Warning =
  | { kind: 'partial'; ran: number; total: number }
  | { kind: 'errors'; count: number; first: { scenario: string; message: string } | undefined }
  | { kind: 'baseline-not-converged'; prefixes: string[] }
  | { kind: 'scenarios-not-converged'; count: number }
  | { kind: 'ranked-without-record'; count: number };

/** A gateway or MSEE every path of some pairs crosses. */
export interface CriticalNode {
  node: string;
  kind: string;
  pairs: number;
  /** The pairs the record lists (the first 100), summarised. */
  listed: PairShape;
  listedCount: number;
}

export interface BaselineView {
  /** Directed pairs of distinct sites, and how many are reachable, asymmetric (at the threshold), one-way. */
  pairs: number;
  reachable: number;
  asymmetric: number;
  oneWay: number;
  /** Asymmetric pairs of each class, flagged or not; undefined when the run has no classes. */
  byClass: Record<AsymmetryClass, number> | undefined;
  perSite: SiteRow[];
  /** Per group, its pairs toward every site; and group against group. */
  perGroup: GroupRow[];
  groupMatrix: PairCounts[][];
  /** The run lists the baseline's asymmetric pairs with their paths (runs of older engines did not). */
  pathsListed: boolean;
}

export interface PairCounts {
  pairs: number;
  reachable: number;
  asymmetric: number;
  oneWay: number;
}

export interface SiteRow extends PairCounts {
  site: string;
  group: SiteGroup;
  /** Sites that reach it. */
  reachedBy: number;
}

export interface GroupRow extends PairCounts {
  group: SiteGroup;
}

export interface RankedScenario {
  entry: RankingEntryIn;
  /** The pairs it cuts, summarised; undefined when its record is not in the digest. */
  lost: PairShape | undefined;
  /** The site it cuts off from everything, when that is all it does (a single point of failure isolating a site). */
  isolates: string | undefined;
  gained: number;
  /** Its index in the heatmap's scenarios, when its matrix could be rebuilt. */
  heatmap: number | undefined;
}

export interface ScenarioMoves {
  failed: string[];
  rerouted: number;
  /** Moves the record lists with their paths (at most 100); the groups cover these. */
  listed: number;
  groups: MoveGroup[];
}

export interface ScenarioAsymmetry {
  /** Undefined for the baseline. */
  failed: string[] | undefined;
  /** Asymmetric pairs the record counts (newly, for a failure); the groups cover those listed with paths. */
  pairs: number;
  listed: number;
  groups: AsymmetryGroup[];
}

/** What the page's heatmap draws: the baseline, and each ranked scenario as the cells it changes. */
export interface HeatmapView {
  /** Above AGGREGATE_ABOVE sites the page draws groups against groups first, sites on a click. */
  aggregate: boolean;
  baseline: string[];
  scenarios: { id: string; failed: string[]; changes: [row: number, column: number, code: CellCode][] }[];
}
