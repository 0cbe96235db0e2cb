/**
 * The records of a run as the report reads them: today's contract (README, "Output contract") and the fields
 * newer engines add (asymmetry classes, site details, design findings with a severity and a source), each
 * optional so that a run written by any version reads. record-schema.ts checks a line against these shapes
 * before anything here is trusted; fields the report does not read are neither typed nor checked.
 */

/** A directed pair of site ids. */
export type Pair = [src: string, dst: string];

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

export interface SummaryRecordIn {
  type: 'summary';
  partial: boolean;
  scenarios: { total: number; run: number; unchanged: number; errors: number; notConverged: number };
  ranking: RankingEntryIn[];
  rankingOmitted: number;
  singlePointsOfFailure?: { unit: string; breaks: Pair[] }[];
  findings?: {
    baselineAsymmetricPairs?: number;
    asymmetricPairsByClass?: Record<AsymmetryClass, number>;
  };
}

export interface ErrorRecordIn {
  type: 'error';
  scenario: string;
  message: string;
}

export interface PairRecordIn {
  type: 'pair';
}

export type RecordIn = RunRecordIn | ScenarioRecordIn | PairRecordIn | ErrorRecordIn | SummaryRecordIn;
