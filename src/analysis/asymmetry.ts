import type { CompiledTopology } from '../model/compiled.js';
import { UNIT_KINDS } from '../model/unit-kinds.js';
import type { PairMatrix } from '../forward/matrix.js';
import { pathSetOf } from '../forward/verdict.js';

/**
 * How different the two directions of a pair are, from least to most worrying. Microsoft's recommended
 * ExpressRoute design (both links of a circuit up, the CE preferring one) is asymmetric at the `link` level:
 * Azure spreads over both links while the CE returns over one, and an architect calls that normal. What breaks
 * stateful firewalls and latency budgets is `circuit` (different circuits, or VPN connections, of one transport)
 * and `transport` (ExpressRoute one way, VPN the other).
 */
export const ASYMMETRY_CLASSES = ['link', 'circuit', 'transport'] as const;

export type AsymmetryClass = (typeof ASYMMETRY_CLASSES)[number];

/** A pair's level: 0 symmetric, then 1 + the index in ASYMMETRY_CLASSES; null unless delivered both ways. */
export type AsymmetryLevel = number | null;

export const SYMMETRIC = 0;

/** The level of an asymmetry class (what `--asymmetry CLASS` sets as the threshold). */
export function levelOf(c: AsymmetryClass): number {
  return ASYMMETRY_CLASSES.indexOf(c) + 1;
}

export function classOf(level: number): AsymmetryClass | undefined {
  return ASYMMETRY_CLASSES[level - 1];
}

/**
 * The asymmetry of the pair (a, b) in a matrix: symmetric when the return paths are the forward ones reversed;
 * otherwise `transport` when the directions cross different sets of transports, `circuit` when they cross the
 * same transports but different circuits or VPN connections, and `link` for any other difference (other links
 * of the same circuits, other tunnels of the same connection, other peerings).
 */
export function asymmetryOf(topology: CompiledTopology, matrix: PairMatrix, a: number, b: number): AsymmetryLevel {
  const symmetric = matrix.symmetric(a, b);
  if (symmetric === null) return null;
  if (symmetric) return SYMMETRIC;
  const there = matrix.sets.unitsOf(pathSetOf(matrix.verdict(a, b)));
  const back = matrix.sets.unitsOf(pathSetOf(matrix.verdict(b, a)));
  const transports = (units: number[]): Set<string> => new Set(units.flatMap((u) => UNIT_KINDS[topology.units[u]!.kind].transport ?? []));
  if (!sameSet(transports(there), transports(back))) return levelOf('transport');
  const circuits = (units: number[]): Set<string> => new Set(units.flatMap((u) => topology.units[u]!.circuit ?? []));
  if (!sameSet(circuits(there), circuits(back))) return levelOf('circuit');
  return levelOf('link');
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
