/**
 * What the seed's report must say, derived from the hand-written seed facts (test/cases/seed.expected.ts),
 * never from the engine's output.
 */
import seed, { seedSingleFailureSummary } from '../cases/seed.expected.js';
import type { PairExpectation } from '../case-types.js';
import type { CellState } from '../../src/report/view/cells.js';

/** The seed's sites in file order (DESIGN.md). */
export const SITES = ['hub', 'spoke', 'branch', 'onprem1', 'onprem2', 'remote'];

function scenario(failed: string[]): PairExpectation[] {
  const found = seed.scenarios.find((s) => s.failed.join('+') === failed.join('+'));
  if (!found?.pairs) throw new Error(`seed.expected has no pairs for [${failed.join(', ')}]`);
  return found.pairs;
}

export function pairFact(failed: string[], src: string, dst: string): PairExpectation {
  const pair = scenario(failed).find((p) => p.src === src && p.dst === dst);
  if (!pair) throw new Error(`seed.expected has no ${src} -> ${dst} for [${failed.join(', ')}]`);
  return pair;
}

/** A delivered pair is symmetric, asymmetric or one-way by its `symmetric` fact; the rest is unreachable. */
export function expectedState(src: string, dst: string): CellState {
  if (src === dst) return 'symmetric';
  const p = pairFact([], src, dst);
  if (p.outcome !== 'DELIVERED') return 'unreachable';
  return p.symmetric === true ? 'symmetric' : p.symmetric === false ? 'asymmetric' : 'one-way';
}

export const BASELINE_STATES: CellState[][] = SITES.map((s) => SITES.map((d) => expectedState(s, d)));

/** Single points of failure: units whose failure alone loses pairs. */
export const SPOFS = seedSingleFailureSummary.filter((u) => u.lost.length > 0);

/** The summary's order: lost pairs, then newly asymmetric (none in the seed), then rerouted, then id. */
export const RANKING = [...seedSingleFailureSummary].sort((a, b) =>
  b.lost.length - a.lost.length || b.rerouted.length - a.rerouted.length || (a.unit < b.unit ? -1 : 1));

/** Delivered baseline pairs all of whose paths cross a unit of the circuit: they all cross its MSEE. */
export function pairsThroughCircuit(circuit: string): number {
  return scenario([]).filter((p) => p.outcome === 'DELIVERED' && p.paths!.length > 0
    && p.paths!.every((path) => path.some((u) => u.split(':')[1]!.startsWith(`${circuit}-`)))).length;
}

export { seedSingleFailureSummary };
