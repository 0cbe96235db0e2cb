/**
 * The records of a run as the report reads them: today's contract (README, "Output contract") and the fields
 * newer engines add (asymmetry classes, site details, design findings with a severity and a source, cut sets
 * and availability), each optional so that a run written by any version reads. record-schema.ts checks a line
 * against these shapes before anything here is trusted; fields the report does not read are neither typed nor
 * checked.
 */

/** A directed pair of site ids. */
export type Pair = [src: string, dst: string];

/** Two sites as a pair, either direction: the first comes first in the run's `sites`. */
export type SitePair = [a: string, b: string];

/**
 * How far the two directions of a pair differ, smallest first: `link` (same circuits, different links),
 * `circuit` (different circuits, or VPN tunnels of one transport), `transport` (ExpressRoute one way, VPN the
 * other).
 */
export type AsymmetryClass = 'link' | 'circuit' | 'transport';

export interface SiteDetail {
  id: string;
  kind: 'vnet' | 'onprem';
  role?: string;
  region?: string;
  /** The hub VNet whose gateways a spoke uses; a hub names itself. */
  hub?: string;
}

/** A design finding as newer engines write it: with a severity and the Microsoft Learn page it rests on. */
export interface SourcedFinding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  objects: string[];
  source: string;
}

/** A design finding as earlier engines wrote it (the single-link circuit). */
export interface LegacyFinding {
  kind: string;
  subject: string;
  units?: string[];
  message: string;
}

export interface RunRecordIn {
  type: 'run';
  topology: string;
  sites: string[];
  failureUnits?: string[];
  disabledUnits?: string[];
  scenarios: number;
  maxFailures: number;
  designFindings?: (SourcedFinding | LegacyFinding)[];
  asymmetryThreshold?: AsymmetryClass;
  /** Parallel to `sites`. */
  siteDetails?: SiteDetail[];
  /** `irreducible`: only scenarios that lose a pair or make one asymmetric that none of their parts does are written. */
  scenarioRecords?: 'all' | 'irreducible';
  /** Runs that look for cut sets (`--max-failures`): the figures availability rests on, and the target if given. */
  availability?: AvailabilityFigures;
}

/** How often a unit is taken to be down, by kind and for units given their own figure; the target in percent. */
export interface AvailabilityFigures {
  unavailability: { kinds: KindFigure[]; units: Record<string, number> };
  target?: number;
}

/** The probability that a unit of a kind is down at a given moment, and where the figure comes from. */
export interface KindFigure {
  kind: string;
  value: number;
  /** A Microsoft Learn address, or `topology` or `command line` for a figure set by hand. */
  source: string;
}

export interface PathChangeIn {
  src: string;
  dst: string;
  before: string[][];
  after: string[][];
  truncated?: true;
}

export interface AsymmetricPathsIn {
  src: string;
  dst: string;
  forward: string[][];
  return: string[][];
  class?: AsymmetryClass;
  truncated?: true;
}

export interface CriticalNodeIn {
  node: string;
  kind: string;
  pairCount: number;
  pairs: Pair[];
}

export interface ScenarioRecordIn {
  type: 'scenario';
  id: string;
  failed: string[];
  reach?: string[];
  sym?: string[];
  /** One character per pair: `-` not delivered both ways, `s` symmetric, `l`, `c`, `t` the asymmetry class. */
  asymmetry?: string[];
  lost?: Pair[];
  gained?: Pair[];
  rerouted?: Pair[];
  asymmetric?: Pair[];
  symmetricAgain?: Pair[];
  moves?: PathChangeIn[];
  movesOmitted?: number;
  asymmetricPaths?: AsymmetricPathsIn[];
  asymmetricPathsOmitted?: number;
  criticalNodes?: CriticalNodeIn[];
  converged?: boolean;
  notConverged?: string[];
}

export interface RankingEntryIn {
  id: string;
  failed: string[];
  lost: number;
  asymmetric: number;
  rerouted: number;
}

/** One pair of sites that some combination of up to K units cuts, one way or both. */
export interface ResilienceRecordIn {
  type: 'resilience';
  pair: SitePair;
  /** Units in its smallest cut. */
  smallestCut: number;
  /** Its minimal cut sets, smallest first (the first 64). */
  cuts: string[][];
}

/** A least available pair, with the cuts that weigh most in its figure. */
export interface WorstPairIn {
  pair: SitePair;
  /** Percent. */
  availability: number;
  /** Probability. */
  unavailability: number;
  dominantCuts: string[][];
}

/** The summary's section in complete runs that look for cut sets. */
export interface ResilienceSummaryIn {
  maxCutSize: number;
  /** Pairs of sites delivered both ways in the baseline. */
  connectedPairs: number;
  /** Pairs by the size of their smallest cut, `"1"`, `"2"`...; `none`: no cut of up to maxCutSize units. */
  bySmallestCut: Record<string, number>;
  availability: {
    /** Probability that more than maxCutSize units are down at once. */
    bound: number;
    target?: number;
    belowTarget?: number;
    undetermined?: number;
    worst: WorstPairIn[];
  };
}

export interface SummaryRecordIn {
  type: 'summary';
  partial: boolean;
  /**
   * `run`: simulated. Newer engines, in runs of irreducible scenarios: `derived` (shown to add up to their parts
   * without simulation), `skipped` (holding a unit that cuts a stub site off), `written` (with records).
   */
  scenarios: { total: number; run: number; unchanged: number; errors: number; notConverged: number; derived?: number; skipped?: number; written?: number };
  ranking: RankingEntryIn[];
  rankingOmitted: number;
  singlePointsOfFailure?: { unit: string; breaks: Pair[] }[];
  findings?: {
    baselineAsymmetricPairs?: number;
    asymmetricPairsByClass?: Record<AsymmetryClass, number>;
  };
  resilience?: ResilienceSummaryIn;
}

export interface ErrorRecordIn {
  type: 'error';
  scenario: string;
  message: string;
}

export interface PairRecordIn {
  type: 'pair';
}

export type RecordIn = RunRecordIn | ScenarioRecordIn | PairRecordIn | ResilienceRecordIn | ErrorRecordIn | SummaryRecordIn;
