import type { RankingEntry } from '../analysis/ranking.js';
import type { DesignFinding } from '../analysis/design-findings.js';
import { changedCells, HEATMAP_MAX_SITES, matrixStates, scenarioStates, type CellState } from './cells.js';
import type { Pair, RunDigest, ScenarioDigest } from './digest.js';
import { groupPairs, pairKey, reversedPaths, samePaths, type PairGroup } from './pair-groups.js';

/**
 * The report's content, format-free: Markdown and HTML render the same view, so they say the same
 * things in the same order. Ids stay raw strings here; each renderer escapes them for its format.
 */
export interface ReportView {
  topology: string;
  file: string;
  sites: string[];
  facts: RunFacts;
  warnings: string[];
  spof: { unit: string; pairs: number; breaks: PairGroup[] }[] | undefined;
  designFindings: DesignFinding[];
  criticalNodes: { node: string; kind: string; pairs: number; groups: PairGroup[] }[];
  /** Units whose single failure changes no pair at all. */
  noEffect: string[];
  baseline: {
    states: CellState[][]; reachable: number; asymmetric: number; oneWay: number; pairs: number;
    /** Per site, for networks too big for a matrix: destinations it reaches, sources that reach it, odd pairs. */
    perSite: { site: string; reaches: number; reachedBy: number; asymmetric: number; oneWay: number }[];
    /** The run file lists the baseline's asymmetric pairs with their paths (older runs did not). */
    pathsListed: boolean;
  };
  ranking: { entry: RankingEntry; breaks: PairGroup[] | undefined; gained: number }[];
  rankingOmitted: number;
  moves: MoveSection[];
  asymmetry: AsymmetrySection[];
  /** Ranked scenarios whose matrix could be rebuilt: changed cells against the baseline. */
  heatmaps: { id: string; failed: string[]; changes: [number, number, CellState][] }[];
}

export interface RunFacts {
  failureUnits: number;
  disabledUnits: string[];
  planned: number;
  maxFailures: number;
  run: number;
  unchanged: number;
  errors: number;
  notConverged: number;
  pairRecords: number;
  partial: boolean;
}

export interface MoveSection {
  scenario: string;
  failed: string[];
  rows: { pair: PairGroup; before: string[][]; after: string[][] }[];
  omitted: number;
  /** Pairs the same failure cuts off, when the run's summary tells (single failures). */
  lost: PairGroup[] | undefined;
}

export interface AsymmetrySection {
  /** Undefined for the baseline. */
  failed: string[] | undefined;
  rows: { pair: PairGroup; forward: string[][]; back: string[][] }[];
  omitted: number;
}

const MOVE_SCENARIOS_WITHOUT_SINGLES = 20;

export function buildView(digest: RunDigest): ReportView {
  const { run, baseline, summary } = digest;
  const states = matrixStates(baseline.reach, baseline.sym);
  const scenarios = [...digest.ranked.values()];
  return {
    topology: run.topology,
    file: digest.file,
    sites: run.sites,
    facts: {
      failureUnits: run.failureUnits.length, disabledUnits: run.disabledUnits, planned: run.scenarios, maxFailures: run.maxFailures,
      run: summary.scenarios.run, unchanged: summary.scenarios.unchanged, errors: summary.scenarios.errors,
      notConverged: summary.scenarios.notConverged, pairRecords: digest.pairRecords, partial: summary.partial,
    },
    warnings: warnings(digest),
    spof: summary.singlePointsOfFailure?.map((s) => ({ unit: s.unit, pairs: s.breaks.length, breaks: groupPairs(s.breaks) })),
    designFindings: run.designFindings,
    criticalNodes: baseline.criticalNodes.map((c) => ({ node: c.node, kind: c.kind, pairs: c.pairCount, groups: groupPairs(c.pairs) })),
    noEffect: digest.singles.filter(changesNothing).map((s) => s.failed[0]!),
    baseline: { ...baselineCounts(states), perSite: perSite(run.sites, states), pathsListed: baseline.asymmetricPaths.length > 0 },
    ranking: summary.ranking.map((entry) => {
      const detail = digest.ranked.get(entry.id);
      return { entry, breaks: detail?.complete ? groupPairs(detail.lost) : undefined, gained: detail?.counts.gained ?? 0 };
    }),
    rankingOmitted: summary.rankingOmitted,
    moves: moveSections(digest.singles.length > 0 ? digest.singles : scenarios.slice(0, MOVE_SCENARIOS_WITHOUT_SINGLES), summary.singlePointsOfFailure ?? []),
    asymmetry: [
      ...(baseline.asymmetricPaths.length ? [asymmetrySection(undefined, baseline.asymmetricPaths, 0)] : []),
      ...(digest.singles.length > 0 ? digest.singles : scenarios)
        .filter((s) => s.asymmetricPaths.length > 0)
        .map((s) => asymmetrySection(s.failed, s.asymmetricPaths, s.counts.asymmetricPaths - s.asymmetricPaths.length)),
    ],
    heatmaps: run.sites.length > HEATMAP_MAX_SITES ? [] : scenarios.flatMap((s) => {
      const after = scenarioStates(run.sites, baseline, s);
      return after ? [{ id: s.id, failed: s.failed, changes: changedCells(states, after) }] : [];
    }),
  };
}

function warnings(digest: RunDigest): string[] {
  const { summary, baseline } = digest;
  const out: string[] = [];
  if (summary.partial) out.push(`Partial run: it was interrupted after ${summary.scenarios.run} of ${summary.scenarios.total} failure scenarios. Every count below covers only the scenarios that ran.`);
  if (summary.scenarios.errors > 0) out.push(`${summary.scenarios.errors} failure scenario(s) could not be computed (error records); they are missing from every count below.${digest.errors[0] ? ` First: ${digest.errors[0].scenario}: ${digest.errors[0].message}` : ''}`);
  if (!baseline.converged) out.push(`The baseline did not converge: BGP oscillates for ${baseline.notConverged.join(', ')}. Verdicts on those prefixes are a snapshot, not a steady state.`);
  if (summary.scenarios.notConverged > 0) out.push(`${summary.scenarios.notConverged} failure scenario(s) did not converge (BGP oscillation).`);
  const missing = summary.ranking.filter((e) => !digest.ranked.has(e.id)).length;
  if (missing > 0) out.push(`${missing} ranked scenario(s) have no scenario record in the file: their details are not shown.`);
  return out;
}

function changesNothing(s: ScenarioDigest): boolean {
  const c = s.counts;
  return c.lost + c.gained + c.rerouted + c.asymmetric + c.symmetricAgain === 0;
}

function perSite(sites: string[], states: CellState[][]): ReportView['baseline']['perSite'] {
  return sites.map((site, s) => {
    const row = states[s]!.filter((_, d) => d !== s);
    const column = states.filter((_, r) => r !== s).map((r) => r[s]!);
    return {
      site,
      reaches: row.filter((x) => x !== 'unreachable').length,
      reachedBy: column.filter((x) => x !== 'unreachable').length,
      asymmetric: row.filter((x) => x === 'asymmetric').length,
      oneWay: row.filter((x) => x === 'one-way').length,
    };
  });
}

function baselineCounts(states: CellState[][]): Pick<ReportView['baseline'], 'states' | 'reachable' | 'asymmetric' | 'oneWay' | 'pairs'> {
  let reachable = 0;
  let asymmetric = 0;
  let oneWay = 0;
  let pairs = 0;
  states.forEach((row, s) => row.forEach((state, d) => {
    if (s === d) return;
    pairs++;
    if (state !== 'unreachable') reachable++;
    if (state === 'asymmetric') asymmetric++;
    if (state === 'one-way') oneWay++;
  }));
  return { states, reachable, asymmetric, oneWay, pairs };
}

/** Moves per scenario; a move and its mirror (the return path moving the same way) make one row. */
function moveSections(scenarios: ScenarioDigest[], spof: { unit: string; breaks: Pair[] }[]): MoveSection[] {
  const breaks = new Map(spof.map((s) => [s.unit, s.breaks]));
  return scenarios.filter((s) => s.moves.length > 0).map((s) => {
    const byPair = new Map(s.moves.map((m) => [pairKey([m.src, m.dst]), m]));
    const done = new Set<string>();
    const rows: MoveSection['rows'] = [];
    for (const m of s.moves) {
      if (done.has(pairKey([m.src, m.dst]))) continue;
      done.add(pairKey([m.src, m.dst]));
      const back = byPair.get(pairKey([m.dst, m.src]));
      const mirrored = back !== undefined && !done.has(pairKey([m.dst, m.src]))
        && samePaths(back.before, reversedPaths(m.before)) && samePaths(back.after, reversedPaths(m.after));
      if (mirrored) done.add(pairKey([m.dst, m.src]));
      rows.push({ pair: { a: m.src, b: m.dst, both: mirrored }, before: m.before, after: m.after });
    }
    const lost = s.failed.length === 1 ? breaks.get(s.failed[0]!) : undefined;
    return { scenario: s.id, failed: s.failed, rows, omitted: s.counts.moves - s.moves.length, lost: lost && groupPairs(lost) };
  });
}

function asymmetrySection(failed: string[] | undefined, paths: { src: string; dst: string; forward: string[][]; return: string[][] }[], omitted: number): AsymmetrySection {
  const pairs: Pair[] = paths.map((p) => [p.src, p.dst]);
  const byPair = new Map(paths.map((p) => [pairKey([p.src, p.dst]), p]));
  const rows = groupPairs(pairs).map((pair) => {
    const p = byPair.get(pairKey([pair.a, pair.b]))!;
    return { pair: { ...pair, both: true }, forward: p.forward, back: p.return };
  });
  return { failed, rows, omitted };
}
