import type { CompiledTopology } from '../model/compiled.js';
import { formatAddress, formatPrefix } from '../model/prefix.js';
import type { Branch, Branches } from '../forward/branches.js';
import type { PairMatrix } from '../forward/matrix.js';
import type { Outcome } from '../forward/outcome.js';
import type { ScenarioDiff, SitePair } from '../analysis/diff.js';
import type { RankingEntry } from '../analysis/ranking.js';
import type { CriticalNode } from '../analysis/critical-nodes.js';
import type { DesignFinding } from '../analysis/design-findings.js';
import { ASYMMETRY_CLASSES, asymmetryOf, classOf, SYMMETRIC, type AsymmetryClass } from '../analysis/asymmetry.js';
import type { KindUnavailability } from '../analysis/availability.js';
import type { ResilienceRecord, ResilienceSummary } from './resilience-records.js';

export type { ResilienceRecord, ResilienceSummary } from './resilience-records.js';

/**
 * The NDJSON contract (DESIGN.md): every record type, and the builders of the run, scenario and pair records,
 * so the coordinator, the workers and the tests agree on the shape. The summary is folded scenario by
 * scenario by run/summary.ts; an error record stands in for a scenario that failed (run/coordinator.ts).
 */

export interface RunRecord {
  type: 'run';
  topology: string;
  sites: string[];
  /** Units that can fail (enumerated), in `whatif links` order. */
  failureUnits: string[];
  /** Administratively disabled units: down in every scenario, never enumerated. */
  disabledUnits: string[];
  scenarios: number;
  maxFailures: number;
  incremental: boolean;
  /** From which class up a pair counts as asymmetric (`--asymmetry`): lists, ranking and `--fail-on` read it. */
  asymmetryThreshold: AsymmetryClass;
  /** Per site, in `sites` order: what reports group sites by. */
  siteDetails: SiteDetail[];
  /** What the topology shows by itself (e.g. a single-link ER circuit). */
  designFindings: DesignFinding[];
  /** `irreducible` (`--max-failures` from 2, unless `--all-scenarios`): only scenarios that do something none of their parts does are written. */
  scenarioRecords: 'all' | 'irreducible';
  /** Of this version of whatif, the topology and every option that changes the output: shards of one run share it. */
  fingerprint: string;
  /** Runs that look for cut sets (`--max-failures`): how often each unit is taken to be down, and the target if given. */
  availability?: {
    unavailability: { kinds: KindUnavailability[]; units: Record<string, number> };
    /** Percent (`--availability-target`). */
    target?: number;
  };
  /** `--shard I/N`: this file holds the I-th of N slices of the scenarios; `whatif merge` joins them. */
  shard?: ShardOf;
}

export interface ShardOf {
  index: number;
  count: number;
}

export interface SiteDetail {
  id: string;
  kind: 'vnet' | 'onprem';
  role?: string;
  region?: string;
  /** The hub whose gateways a VNet uses (a hub names itself). */
  hub?: string;
}

export interface ScenarioRecord {
  type: 'scenario';
  id: string;
  failed: string[];
  reach?: string[];
  sym?: string[];
  /** Like `sym`, by class: `s` symmetric, `l` link, `c` circuit, `t` transport, `-` not delivered both ways. */
  asymmetry?: string[];
  lost?: [string, string][];
  gained?: [string, string][];
  rerouted?: [string, string][];
  asymmetric?: [string, string][];
  symmetricAgain?: [string, string][];
  /** Rerouted pairs with their paths before and after (failure scenarios), the first DETAIL_LIMIT of them. */
  moves?: PathChange[];
  movesOmitted?: number;
  /** Asymmetric pairs (all in the baseline, the new ones in a failure) with both directions' paths, capped too. */
  asymmetricPaths?: AsymmetricPaths[];
  asymmetricPathsOmitted?: number;
  /** Baseline only: gateways and MSEEs that every path of some pairs crosses (`pairs` capped, `pairCount` not). */
  criticalNodes?: { node: string; kind: string; pairCount: number; pairs: [string, string][] }[];
  /**
   * Runs that look for cut sets (`--max-failures`): what this scenario loses and makes asymmetric that none of
   * its parts does. Non-empty in every scenario a run of irreducible scenarios writes.
   */
  irreducible?: { lost: [string, string][]; asymmetric: [string, string][] };
  /** True when no failed unit carried an installed route: nothing was recomputed. */
  unchanged?: boolean;
  converged: boolean;
  /** Prefixes whose BGP state oscillates in this scenario. */
  notConverged?: string[];
}

export interface PathChange {
  src: string;
  dst: string;
  before: string[][];
  after: string[][];
  /** Present when PATH_LIMIT cut `before` or `after` short. */
  truncated?: true;
}

export interface AsymmetricPaths {
  src: string;
  dst: string;
  class: AsymmetryClass;
  forward: string[][];
  return: string[][];
  /** Present when PATH_LIMIT cut `forward` or `return` short. */
  truncated?: true;
}

export interface Hop {
  node: string;
  address?: string;
  /** The route at the previous node that sent the packet here. */
  via?: { node: string; prefix: string; source: string };
}

export interface PairRecord {
  type: 'pair';
  scenario: string;
  src: string;
  dst: string;
  outcome: Outcome;
  paths: string[][];
  /** One hop list per ECMP branch. */
  hops: Hop[][];
  symmetric: boolean | null;
  /** Present when PATH_LIMIT cut `paths` or MAX_BRANCHES cut `hops` short. */
  truncated?: true;
}

export interface SummaryRecord {
  type: 'summary';
  partial: boolean;
  /**
   * `run`: simulated; `derived`: shown to add up to their parts' effects without simulation; `skipped`: holding a
   * unit that cuts a stub off (never irreducible); `written`: with records in the output.
   */
  scenarios: { total: number; run: number; derived: number; skipped: number; written: number; unchanged: number; errors: number; notConverged: number };
  ranking: RankingEntry[];
  /** Number of ranked scenarios left out of `ranking` (it keeps the top entries only). */
  rankingOmitted: number;
  singlePointsOfFailure?: { unit: string; breaks: [string, string][] }[];
  /**
   * Counts `--fail-on` reads: scenarios that lose pairs, scenarios with new asymmetry and the baseline's asymmetric
   * pairs (both from the run's asymmetry threshold up), single points of failure; and the baseline's asymmetric
   * pairs by class.
   */
  findings: {
    scenariosWithLoss: number; scenariosWithNewAsymmetry: number; baselineAsymmetricPairs: number; singlePointsOfFailure: number;
    asymmetricPairsByClass: Record<AsymmetryClass, number>;
    /** With `--availability-target`: pairs whose availability is below it. */
    pairsBelowTarget?: number;
  };
  /** Runs that look for cut sets (`--max-failures`), complete ones: pairs by their smallest cut, and availability. */
  resilience?: ResilienceSummary;
  /**
   * A shard's: which one, and the minimal cuts its scenarios found, as [a, b, units...] (site indices a < b,
   * positions in `failureUnits`), for `whatif merge` to join into resilience records and the summary's section.
   */
  shard?: ShardOf & { cuts: number[][] };
}

export interface ErrorRecord {
  type: 'error';
  scenario: string;
  failed: string[];
  message: string;
}

export type WhatifRecord = RunRecord | ScenarioRecord | PairRecord | ResilienceRecord | SummaryRecord | ErrorRecord;

export const BASELINE_ID = 'baseline';

/**
 * Most entries a record's path details (moves, asymmetric paths, critical node pairs) list. The pair lists
 * (`lost`, `rerouted`...) are always complete; their path details are for reading, and one failure in a large
 * estate can reroute tens of thousands of pairs (megabytes per record).
 */
export const DETAIL_LIMIT = 100;

/** Most paths a record lists for one pair (ECMP at every hop multiplies them); the verdict itself is exact. */
export const PATH_LIMIT = 256;

export function runRecord(
  topology: CompiledTopology, plan: { total: number; maxFailures: number; shard?: ShardOf },
  options: {
    incremental: boolean; asymmetry: AsymmetryClass; scenarioRecords: RunRecord['scenarioRecords']; fingerprint: string;
    availability?: RunRecord['availability'];
  },
  findings: DesignFinding[],
): RunRecord {
  return {
    type: 'run',
    topology: topology.name,
    sites: topology.sites.map((s) => s.id),
    failureUnits: topology.units.filter((u) => u.enabled).map((u) => u.id),
    disabledUnits: topology.units.filter((u) => !u.enabled).map((u) => u.id),
    scenarios: plan.total,
    maxFailures: plan.maxFailures,
    incremental: options.incremental,
    asymmetryThreshold: options.asymmetry,
    siteDetails: topology.sites.map((s) => ({
      id: s.id, kind: s.kind,
      ...(s.role !== undefined ? { role: s.role } : {}), ...(s.region !== undefined ? { region: s.region } : {}), ...(s.hub !== undefined ? { hub: s.hub } : {}),
    })),
    designFindings: findings,
    scenarioRecords: options.scenarioRecords,
    fingerprint: options.fingerprint,
    ...(options.availability ? { availability: options.availability } : {}),
    // Last, so that the merged run's record is a shard's without it.
    ...(plan.shard ? { shard: { index: plan.shard.index, count: plan.shard.count } } : {}),
  };
}

export function scenarioId(topology: CompiledTopology, failed: readonly number[]): string {
  return failed.length === 0 ? BASELINE_ID : failed.map((u) => topology.units[u]!.id).join('+');
}

/**
 * `reach`, `sym` and `asymmetry` rows: one string per source site, one character per destination. `sym` is the
 * contract's first form (`0` for any asymmetry), `asymmetry` names the class.
 */
export function matrixRows(topology: CompiledTopology, matrix: PairMatrix): { reach: string[]; sym: string[]; asymmetry: string[] } {
  const n = matrix.siteCount;
  const reach: string[] = [];
  const sym: string[] = [];
  const asymmetry: string[] = [];
  const reachRow = Buffer.alloc(n);
  const symRow = Buffer.alloc(n);
  const classRow = Buffer.alloc(n);
  for (let src = 0; src < n; src++) {
    for (let dst = 0; dst < n; dst++) {
      reachRow[dst] = matrix.reachable(src, dst) ? ONE : ZERO;
      const level = asymmetryOf(topology, matrix, src, dst);
      symRow[dst] = level === null ? DASH : level === SYMMETRIC ? ONE : ZERO;
      classRow[dst] = CLASS_CHARS[level === null ? 0 : level + 1]!;
    }
    reach.push(reachRow.toString('latin1'));
    sym.push(symRow.toString('latin1'));
    asymmetry.push(classRow.toString('latin1'));
  }
  return { reach, sym, asymmetry };
}

/** `asymmetry` characters: not both ways, symmetric, then each class by its initial (`-slct`). */
const CLASS_CHARS = Buffer.from(`-s${ASYMMETRY_CLASSES.map((c) => c[0]).join('')}`, 'latin1');
const ZERO = 0x30;
const ONE = 0x31;
const DASH = 0x2d;

/**
 * The baseline: full matrices, every pair asymmetric at or above the threshold with its paths, and the critical
 * nodes. Also returns how many pairs are asymmetric by class, for the summary.
 */
export function baselineRecord(
  topology: CompiledTopology, matrix: PairMatrix, critical: CriticalNode[], notConverged: string[], threshold: number,
): { record: ScenarioRecord; asymmetricByClass: Record<AsymmetryClass, number> } {
  const rows = matrixRows(topology, matrix);
  const flagged: SitePair[] = [];
  const asymmetricByClass = Object.fromEntries(ASYMMETRY_CLASSES.map((c) => [c, 0])) as Record<AsymmetryClass, number>;
  rows.asymmetry.forEach((row, s) => {
    for (let d = 0; d < row.length; d++) {
      const level = CLASS_CHARS.indexOf(row.charCodeAt(d)) - 1;
      const c = classOf(level);
      if (!c) continue;
      asymmetricByClass[c]++;
      if (level >= threshold) flagged.push([s, d]);
    }
  });
  const record: ScenarioRecord = {
    type: 'scenario', id: BASELINE_ID, failed: [], ...rows,
    asymmetricPaths: asymmetricPaths(topology, matrix, flagged.slice(0, DETAIL_LIMIT)),
    ...(flagged.length > DETAIL_LIMIT ? { asymmetricPathsOmitted: flagged.length - DETAIL_LIMIT } : {}),
    criticalNodes: critical.map((c) => ({ node: c.node, kind: c.kind, pairCount: c.pairCount, pairs: siteNames(topology, c.pairs) })),
    converged: notConverged.length === 0,
    ...(notConverged.length ? { notConverged } : {}),
  };
  return { record, asymmetricByClass };
}

function siteNames(topology: CompiledTopology, pairs: SitePair[]): [string, string][] {
  return pairs.map(([s, d]) => [topology.sites[s]!.id, topology.sites[d]!.id]);
}

function unitNames(topology: CompiledTopology, paths: readonly (readonly number[])[]): string[][] {
  return paths.map((p) => p.map((u) => topology.units[u]!.id));
}

/** A pair's paths by unit id, at most PATH_LIMIT of them. */
function pathsOf(topology: CompiledTopology, matrix: PairMatrix, src: number, dst: number): { paths: string[][]; truncated: boolean } {
  const { paths, truncated } = matrix.paths(src, dst, PATH_LIMIT);
  return { paths: unitNames(topology, paths), truncated };
}

function asymmetricPaths(topology: CompiledTopology, matrix: PairMatrix, pairs: SitePair[]): AsymmetricPaths[] {
  return pairs.map(([s, d]) => {
    const forward = pathsOf(topology, matrix, s, d);
    const back = pathsOf(topology, matrix, d, s);
    return {
      src: topology.sites[s]!.id, dst: topology.sites[d]!.id, class: classOf(asymmetryOf(topology, matrix, s, d) ?? 0)!,
      forward: forward.paths, return: back.paths,
      ...(forward.truncated || back.truncated ? { truncated: true as const } : {}),
    };
  });
}

export function failureRecord(
  topology: CompiledTopology,
  scenario: { failed: number[]; unchanged: boolean; notConverged: string[]; matrix: PairMatrix },
  baseline: PairMatrix,
  diff: ScenarioDiff,
  full: boolean,
  irreducible?: { lost: SitePair[]; asymmetric: SitePair[] },
): ScenarioRecord {
  const names = (pairs: SitePair[]): [string, string][] => siteNames(topology, pairs);
  return {
    type: 'scenario',
    id: scenarioId(topology, scenario.failed),
    failed: scenario.failed.map((u) => topology.units[u]!.id),
    ...(full ? matrixRows(topology, scenario.matrix) : {}),
    lost: names(diff.lost),
    gained: names(diff.gained),
    rerouted: names(diff.rerouted),
    asymmetric: names(diff.asymmetric),
    symmetricAgain: names(diff.symmetricAgain),
    moves: diff.rerouted.slice(0, DETAIL_LIMIT).map(([s, d]): PathChange => {
      const before = pathsOf(topology, baseline, s, d);
      const after = pathsOf(topology, scenario.matrix, s, d);
      return {
        src: topology.sites[s]!.id, dst: topology.sites[d]!.id, before: before.paths, after: after.paths,
        ...(before.truncated || after.truncated ? { truncated: true as const } : {}),
      };
    }),
    ...(diff.rerouted.length > DETAIL_LIMIT ? { movesOmitted: diff.rerouted.length - DETAIL_LIMIT } : {}),
    asymmetricPaths: asymmetricPaths(topology, scenario.matrix, diff.asymmetric.slice(0, DETAIL_LIMIT)),
    ...(diff.asymmetric.length > DETAIL_LIMIT ? { asymmetricPathsOmitted: diff.asymmetric.length - DETAIL_LIMIT } : {}),
    ...(irreducible ? { irreducible: { lost: names(irreducible.lost), asymmetric: names(irreducible.asymmetric) } } : {}),
    ...(scenario.unchanged ? { unchanged: true } : {}),
    converged: scenario.notConverged.length === 0,
    ...(scenario.notConverged.length ? { notConverged: scenario.notConverged } : {}),
  };
}

/** The branches of a pair, toward each probe of the destination in turn. */
export type BranchesOf = (src: number, dst: number) => Branches;

/** One record per directed pair of distinct sites, built as they are consumed. */
export function* pairRecords(topology: CompiledTopology, scenario: string, matrix: PairMatrix, branchesOf: BranchesOf): Generator<PairRecord> {
  for (let s = 0; s < topology.sites.length; s++) {
    for (let d = 0; d < topology.sites.length; d++) if (s !== d) yield pairRecord(topology, scenario, matrix, branchesOf(s, d), s, d);
  }
}

export function pairRecord(topology: CompiledTopology, scenario: string, matrix: PairMatrix, branches: Branches, src: number, dst: number): PairRecord {
  const { paths, truncated } = pathsOf(topology, matrix, src, dst);
  return {
    type: 'pair', scenario, src: topology.sites[src]!.id, dst: topology.sites[dst]!.id, outcome: matrix.outcome(src, dst),
    paths,
    hops: branches.branches.map((b) => hopsOf(topology, b)),
    symmetric: matrix.symmetric(src, dst),
    ...(truncated || branches.truncated ? { truncated: true as const } : {}),
  };
}

/**
 * The nodes a branch enters, with the address of the interface it entered by (or the node's own address,
 * or the interface it leaves by), and the route that sent it there. A delivered branch ends at the
 * destination site, shown with the probed test address, as traceroute's last line.
 */
export function hopsOf(topology: CompiledTopology, branch: Branch): Hop[] {
  return branch.steps.map((step, i): Hop => {
    const edge = topology.edges[step.edge]!;
    const node = topology.nodes[edge.to]!;
    const last = i === branch.steps.length - 1;
    const onward = branch.steps[i + 1] && topology.edges[branch.steps[i + 1]!.edge]!;
    const address = last && branch.outcome === 'DELIVERED'
      ? branch.address
      : edge.toAddress ?? node.address ?? onward?.fromAddress ?? null;
    return {
      node: node.name,
      ...(address !== null ? { address: formatAddress(address) } : {}),
      via: { node: topology.nodes[step.node]!.name, prefix: formatPrefix(topology.prefixes[step.prefix]!), source: step.source },
    };
  });
}
