import type { Matrices, ScenarioDigest } from '../read/run-digest.js';
import type { Pair } from '../read/run-records.js';
import { classOfChar, isFlagged, type AsymmetryClass } from './asymmetry-class.js';

/**
 * One verdict per matrix cell (src row, dst column), as the report draws it. The diagonal is a site to
 * itself: always reachable and symmetric.
 * - symmetric: reachable both ways over the same failure units, or differing below the run's threshold;
 * - asymmetric: reachable both ways, differing at or above the threshold (stateful firewalls drop such flows);
 * - one-way: this direction reachable, the return direction not;
 * - unreachable: this direction not reachable.
 */
export type CellState = 'symmetric' | 'asymmetric' | 'one-way' | 'unreachable';

export const CELL_STATES: readonly CellState[] = ['symmetric', 'asymmetric', 'one-way', 'unreachable'];

/**
 * A cell as one character, so a 500-site matrix is 500 strings of 500 characters, here and in the page:
 * `s` symmetric, `o` one-way, `u` unreachable, and for an asymmetric cell its class (`l`, `c`, `t`) or `a`
 * when the run does not say it.
 */
export type CellCode = 's' | 'o' | 'u' | 'a' | 'l' | 'c' | 't';

const STATE_OF: Record<CellCode, CellState> = { s: 'symmetric', o: 'one-way', u: 'unreachable', a: 'asymmetric', l: 'asymmetric', c: 'asymmetric', t: 'asymmetric' };

export function stateOf(code: string): CellState {
  return STATE_OF[code as CellCode] ?? 'unreachable';
}

export function codeOfClass(cls: AsymmetryClass | undefined): CellCode {
  return cls === undefined ? 'a' : cls === 'link' ? 'l' : cls === 'circuit' ? 'c' : 't';
}

/**
 * A matrix row by row as cell codes. `threshold` undefined means the run has no classes: every asymmetric
 * pair counts. A pair differing below the threshold reads as symmetric.
 */
export function matrixCodes(m: Matrices, threshold: AsymmetryClass | undefined): string[] {
  return m.reach.map((row, s) => {
    let codes = '';
    for (let d = 0; d < row.length; d++) codes += cellCode(row[d]!, m.sym[s]![d]!, m.asymmetry?.[s]![d], threshold);
    return codes;
  });
}

function cellCode(reach: string, sym: string, asymmetry: string | undefined, threshold: AsymmetryClass | undefined): CellCode {
  if (reach !== '1') return 'u';
  if (sym === '1') return 's';
  if (sym !== '0') return 'o';
  const cls = asymmetry === undefined ? undefined : classOfChar(asymmetry);
  if (cls === undefined || threshold === undefined) return codeOfClass(cls);
  return isFlagged(cls, threshold) ? codeOfClass(cls) : 's';
}

/**
 * The cells a failure scenario changes, as [row, column, code after]: from its own matrices when the run had
 * --full, else from its diff against the baseline (lost/gained flip reach; asymmetric and symmetricAgain, judged
 * at the run's threshold, flip symmetry), looking only at the cells the diff names and their mirrors (a pair
 * lost one way makes its return one-way). Newly asymmetric cells take their class from the scenario's listed
 * paths. Undefined when the digest cut the diff short.
 */
export function scenarioChanges(sites: readonly string[], base: readonly string[], scenario: ScenarioDigest, threshold: AsymmetryClass | undefined): [number, number, CellCode][] | undefined {
  if (scenario.matrices) return changedCells(base, matrixCodes(scenario.matrices, threshold));
  if (!scenario.complete) return undefined;
  const n = sites.length;
  const index = new Map(sites.map((s, i) => [s, i]));
  const cells = (pairs: Pair[]): number[] => pairs.map(([s, d]) => index.get(s)! * n + index.get(d)!);
  const reachNow = new Map<number, boolean>();
  for (const c of cells(scenario.lost)) reachNow.set(c, false);
  for (const c of cells(scenario.gained)) reachNow.set(c, true);
  const classes = new Map<number, AsymmetryClass | undefined>();
  for (const p of scenario.asymmetricPaths) {
    const [s, d] = [index.get(p.src)!, index.get(p.dst)!];
    classes.set(s * n + d, p.class);
    classes.set(d * n + s, p.class);
  }
  const newly = new Set(cells(scenario.asymmetric));
  const again = new Set(cells(scenario.symmetricAgain));
  const reach = (cell: number): boolean => reachNow.get(cell) ?? base[Math.floor(cell / n)]![cell % n] !== 'u';
  const touched = new Set<number>();
  for (const c of [...reachNow.keys(), ...newly, ...again]) touched.add(c).add((c % n) * n + Math.floor(c / n));
  const changes: [number, number, CellCode][] = [];
  for (const cell of [...touched].sort((x, y) => x - y)) {
    const [s, d] = [Math.floor(cell / n), cell % n];
    const was = base[s]![d]!;
    let now: CellCode;
    if (!reach(cell)) now = 'u';
    else if (s === d) now = 's';
    else if (!reach(d * n + s)) now = 'o';
    else if (newly.has(cell)) now = codeOfClass(classes.get(cell));
    else now = stateOf(was) === 'asymmetric' && !again.has(cell) ? was as CellCode : 's';
    if (now !== was) changes.push([s, d, now]);
  }
  return changes;
}

/** Cells that differ between two matrices of the same sites, as [row, column, code of the second]. */
export function changedCells(before: readonly string[], after: readonly string[]): [number, number, CellCode][] {
  const changes: [number, number, CellCode][] = [];
  after.forEach((row, s) => {
    const was = before[s]!;
    if (row === was) return;
    for (let d = 0; d < row.length; d++) if (row[d] !== was[d]) changes.push([s, d, row[d] as CellCode]);
  });
  return changes;
}
