import type { AsymmetricPathsIn, AsymmetryClass, Pair, PathChangeIn } from '../read/run-records.js';
import { pairKey } from './pair-groups.js';
import { pairShape, type PairShape } from './pair-shape.js';
import type { SiteContext } from './site-set.js';

/**
 * Pairs whose paths changed the same way, told by the failure units that differ: in an estate a failure moves
 * thousands of pairs whose full paths all differ (each crosses its own spoke's peering) but which all leave
 * the same link for the same other one.
 */
export interface MoveGroup {
  pairs: PairShape;
  /** Directed pairs in the group. */
  count: number;
  /** Units the pairs crossed before and no longer do; units they cross now and did not before. */
  left: string[];
  joined: string[];
  /** Some pair's paths were cut short in the record: the difference may be larger. */
  truncated: boolean;
}

/** Asymmetric pairs of one class whose directions differ by the same units, each pair oriented `a -> b`. */
export interface AsymmetryGroup {
  pairs: PairShape;
  /** Pairs of sites in the group (each asymmetric both ways). */
  count: number;
  class: AsymmetryClass | undefined;
  /** Units only the a -> b direction crosses, and only b -> a. */
  forwardOnly: string[];
  returnOnly: string[];
  truncated: boolean;
}

/** Units of the first path set that the second does not cross, and the other way round, in path order. */
export function unitDifference(x: readonly string[][], y: readonly string[][]): [string[], string[]] {
  const inX = new Set(x.flat());
  const inY = new Set(y.flat());
  return [[...inX].filter((u) => !inY.has(u)), [...inY].filter((u) => !inX.has(u))];
}

export function moveGroups(moves: readonly PathChangeIn[], ctx: SiteContext): MoveGroup[] {
  const groups = new Map<string, { pairs: Pair[]; left: string[]; joined: string[]; truncated: boolean }>();
  for (const m of moves) {
    const [left, joined] = unitDifference(m.before, m.after);
    const key = JSON.stringify([[...left].sort(), [...joined].sort()]);
    const group = groups.get(key) ?? groups.set(key, { pairs: [], left, joined, truncated: false }).get(key)!;
    group.pairs.push([m.src, m.dst]);
    group.truncated ||= m.truncated === true;
  }
  return [...groups.values()].sort(byPairs)
    .map((g) => ({ pairs: pairShape(g.pairs, ctx), count: g.pairs.length, left: g.left, joined: g.joined, truncated: g.truncated }));
}

/**
 * Asymmetric pairs grouped by class and by the units their two directions differ by. A pair listed both ways
 * counts once (asymmetry is a property of the pair); each is turned so that its group's first pair sets which
 * side is `forwardOnly`.
 */
export function asymmetryGroups(paths: readonly AsymmetricPathsIn[], ctx: SiteContext): AsymmetryGroup[] {
  const seen = new Set<string>();
  const groups = new Map<string, { pairs: Pair[]; cls: AsymmetryClass | undefined; forwardOnly: string[]; returnOnly: string[]; truncated: boolean }>();
  for (const p of paths) {
    if (seen.has(pairKey([p.dst, p.src]))) continue;
    seen.add(pairKey([p.src, p.dst]));
    const [forwardOnly, returnOnly] = unitDifference(p.forward, p.return);
    const sides = [JSON.stringify([...forwardOnly].sort()), JSON.stringify([...returnOnly].sort())];
    const key = JSON.stringify([p.class ?? null, ...sides]);
    const turned = JSON.stringify([p.class ?? null, sides[1], sides[0]]);
    const existing = groups.get(key) ?? groups.get(turned);
    const pair: Pair = groups.has(key) || !groups.has(turned) ? [p.src, p.dst] : [p.dst, p.src];
    const group = existing ?? groups.set(key, { pairs: [], cls: p.class, forwardOnly, returnOnly, truncated: false }).get(key)!;
    group.pairs.push(pair);
    group.truncated ||= p.truncated === true;
  }
  return [...groups.values()].sort(byPairs).map((g) => ({
    pairs: pairShape(g.pairs, ctx), count: g.pairs.length, class: g.cls, forwardOnly: g.forwardOnly, returnOnly: g.returnOnly, truncated: g.truncated,
  }));
}

/** Biggest group first; equal groups keep the record's order (the sort is stable). */
function byPairs(x: { pairs: Pair[] }, y: { pairs: Pair[] }): number {
  return y.pairs.length - x.pairs.length;
}
