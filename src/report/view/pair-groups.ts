import type { Pair } from '../read/run-records.js';

/** A pair as a reader names it: `a <-> b` when both directions are in the list, `a -> b` otherwise. */
export interface PairGroup {
  a: string;
  b: string;
  both: boolean;
}

/** Folds directed pairs into groups, first appearance first: (a,b) and (b,a) make one `a <-> b`. */
export function groupPairs(pairs: readonly Pair[]): PairGroup[] {
  const seen = new Set(pairs.map(pairKey));
  const done = new Set<string>();
  const groups: PairGroup[] = [];
  for (const [a, b] of pairs) {
    if (done.has(pairKey([a, b]))) continue;
    const both = a !== b && seen.has(pairKey([b, a]));
    done.add(pairKey([a, b]));
    if (both) done.add(pairKey([b, a]));
    groups.push({ a, b, both });
  }
  return groups;
}

/** A collision-free key: the first id's length keeps `a`+`bc` apart from `ab`+`c`. */
export function pairKey([src, dst]: Pair): string {
  return `${src.length}:${src}${dst}`;
}
