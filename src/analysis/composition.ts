import type { Footprint } from './footprint.js';

/**
 * Whether two failure scenarios on disjoint units can be combined without simulating them together: their
 * combination then has exactly the union of their effects.
 *
 * Why it holds. Routing: every prefix's converged state is a fixpoint of equations (a session carries what its
 * sender installed, if its edge is up; a node installs the best of its inputs). Where no equation has inputs
 * changed by both scenarios, taking each scenario's values where it changed something and the baseline's
 * elsewhere satisfies every equation, so it is the fixpoint the combination converges to (the engine's
 * best-path choices depend only on the candidates: one fixpoint). Forwarding: toward each probe, a node's
 * decision is then the one of the scenario that changed its routes. A site whose baseline way meets neither's
 * changes keeps it. A site only one scenario moves takes that scenario's way, provided that way meets none of
 * the other's changes; no site may be moved by both. Pairs: when no pair of
 * sites had a verdict changed by both, each pair's verdicts both ways are those of one scenario, and so are
 * its loss and its asymmetry.
 */
export function composable(a: Footprint, b: Footprint): boolean {
  if (!a.converged || !b.converged) return false;
  if (!disjoint(a.pairs, 0, a.pairs.length, b.pairs, 0, b.pairs.length)) return false;
  let meets = false;
  common(a.prefixes, b.prefixes, (i, j) => {
    meets = !disjoint(a.items, a.itemStart[i]!, a.itemStart[i + 1]!, b.items, b.itemStart[j]!, b.itemStart[j + 1]!);
    return meets;
  });
  if (meets) return false;
  common(a.probes, b.probes, (i, j) => {
    meets = !disjoint(a.moved, a.movedStart[i]!, a.movedStart[i + 1]!, b.moved, b.movedStart[j]!, b.movedStart[j + 1]!)
      || !disjoint(a.writes, a.writeStart[i]!, a.writeStart[i + 1]!, b.reads, b.readStart[j]!, b.readStart[j + 1]!)
      || !disjoint(b.writes, b.writeStart[j]!, b.writeStart[j + 1]!, a.reads, a.readStart[i]!, a.readStart[i + 1]!);
    return meets;
  });
  return !meets;
}

/**
 * The footprint of the combination of two composable scenarios: the union of theirs. Toward a probe both
 * touch, a site's packets take the way they take in the one scenario that moves them, or the baseline's.
 */
export function unionFootprint(a: Footprint, b: Footprint): Footprint {
  const routing = mergeRanges(a.prefixes, a.itemStart, a.items, b.prefixes, b.itemStart, b.items, union);
  const writes = mergeRanges(a.probes, a.writeStart, a.writes, b.probes, b.writeStart, b.writes, union);
  const moved = mergeRanges(a.probes, a.movedStart, a.moved, b.probes, b.movedStart, b.moved, union);
  const reads = mergeRanges(a.probes, a.readStart, a.reads, b.probes, b.readStart, b.reads, union);
  return {
    converged: true,
    prefixes: routing.keys, itemStart: routing.start, items: routing.items,
    probes: writes.keys, writeStart: writes.start, writes: writes.items,
    movedStart: moved.start, moved: moved.items, readStart: reads.start, reads: reads.items,
    pairs: Float64Array.from(union(a.pairs, b.pairs)),
  };
}

/** Calls `visit(i, j)` for each value both ascending lists hold (at a[i] and b[j]) until it returns true. */
function common(a: Int32Array, b: Int32Array, visit: (i: number, j: number) => boolean): void {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else if (visit(i++, j++)) return;
  }
}

/** Whether the ascending ranges a[aFrom..aTo) and b[bFrom..bTo) share no value. */
function disjoint(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): boolean {
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else return false;
  }
  return true;
}

function union(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

/**
 * Two keyed range tables merged key by key: a key in one only keeps its range, a key in both gets
 * `both(rangeA, rangeB)`.
 */
function mergeRanges(
  aKeys: Int32Array, aStart: Int32Array, aItems: Int32Array, bKeys: Int32Array, bStart: Int32Array, bItems: Int32Array,
  both: (a: Int32Array, b: Int32Array) => ArrayLike<number>,
): { keys: Int32Array; start: Int32Array; items: Int32Array } {
  const keys: number[] = [];
  const lists: ArrayLike<number>[] = [];
  let i = 0;
  let j = 0;
  const range = (items: Int32Array, start: Int32Array, k: number): Int32Array => items.subarray(start[k]!, start[k + 1]!);
  while (i < aKeys.length || j < bKeys.length) {
    if (j >= bKeys.length || (i < aKeys.length && aKeys[i]! < bKeys[j]!)) {
      keys.push(aKeys[i]!);
      lists.push(range(aItems, aStart, i++));
    } else if (i >= aKeys.length || bKeys[j]! < aKeys[i]!) {
      keys.push(bKeys[j]!);
      lists.push(range(bItems, bStart, j++));
    } else {
      keys.push(aKeys[i]!);
      lists.push(both(range(aItems, aStart, i++), range(bItems, bStart, j++)));
    }
  }
  const start = new Int32Array(keys.length + 1);
  lists.forEach((list, k) => { start[k + 1] = start[k]! + list.length; });
  const items = new Int32Array(start[keys.length]!);
  lists.forEach((list, k) => items.set(list, start[k]!));
  return { keys: Int32Array.from(keys), start, items };
}
