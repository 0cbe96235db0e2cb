import type { Pair, ScenarioDigest } from './digest.js';

/**
 * One verdict per matrix cell (src row, dst column), as the report draws it. The diagonal is a site to
 * itself: always reachable and symmetric.
 * - symmetric: reachable both ways over the same failure units;
 * - asymmetric: reachable both ways over different units (stateful firewalls drop such flows);
 * - one-way: this direction reachable, the return direction not;
 * - unreachable: this direction not reachable.
 */
export type CellState = 'symmetric' | 'asymmetric' | 'one-way' | 'unreachable';

/** Beyond this many sites a heatmap is unreadable (and large): the page keeps the tables only. */
export const HEATMAP_MAX_SITES = 80;

export const CELL_STATES: readonly CellState[] = ['symmetric', 'asymmetric', 'one-way', 'unreachable'];

/** The verdict of one cell from the run's `reach` and `sym` characters. */
export function cellState(reach: string, sym: string): CellState {
  if (reach !== '1') return 'unreachable';
  return sym === '1' ? 'symmetric' : sym === '0' ? 'asymmetric' : 'one-way';
}

/** All cells, row by row, from full matrices. */
export function matrixStates(reach: readonly string[], sym: readonly string[]): CellState[][] {
  return reach.map((row, s) => [...row].map((r, d) => cellState(r, sym[s]![d]!)));
}

/**
 * A failure scenario's cells: its own matrices when the run had --full, else the baseline's patched with
 * the scenario's diff (lost/gained flip reach; asymmetric and symmetricAgain flip symmetry). Undefined
 * when the digest cut the diff short.
 */
export function scenarioStates(sites: readonly string[], base: { reach: readonly string[]; sym: readonly string[] }, scenario: ScenarioDigest): CellState[][] | undefined {
  if (scenario.reach && scenario.sym) return matrixStates(scenario.reach, scenario.sym);
  if (!scenario.complete) return undefined;
  const index = new Map(sites.map((s, i) => [s, i]));
  const keys = (pairs: Pair[]): Set<string> => new Set(pairs.map(([s, d]) => `${index.get(s)},${index.get(d)}`));
  const reach = base.reach.map((row) => [...row].map((c) => c === '1'));
  for (const [s, d] of scenario.lost) set(reach, index.get(s), index.get(d), false);
  for (const [s, d] of scenario.gained) set(reach, index.get(s), index.get(d), true);
  const asymmetric = keys(scenario.asymmetric);
  const symmetricAgain = keys(scenario.symmetricAgain);
  return reach.map((row, s) => row.map((r, d): CellState => {
    if (!r) return 'unreachable';
    if (s === d) return 'symmetric';
    if (!reach[d]![s]) return 'one-way';
    const key = `${s},${d}`;
    const wasAsymmetric = base.sym[s]![d] === '0' && !symmetricAgain.has(key);
    return asymmetric.has(key) || wasAsymmetric ? 'asymmetric' : 'symmetric';
  }));
}

function set(matrix: boolean[][], s: number | undefined, d: number | undefined, value: boolean): void {
  if (s !== undefined && d !== undefined) matrix[s]![d] = value;
}

/** Cells that differ between two matrices of the same sites, as [row, column, state] of the second. */
export function changedCells(before: CellState[][], after: CellState[][]): [number, number, CellState][] {
  const changes: [number, number, CellState][] = [];
  after.forEach((row, s) => row.forEach((state, d) => {
    if (before[s]?.[d] !== state) changes.push([s, d, state]);
  }));
  return changes;
}
