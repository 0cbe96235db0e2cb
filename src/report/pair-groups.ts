import type { Pair } from './digest.js';

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

/** A collision-free key: JSON keeps ids with commas or quotes apart. */
export function pairKey(pair: Pair): string {
  return JSON.stringify(pair);
}

/** The same path walked the other way (a return path mirrors its forward path). */
export function reversedPaths(paths: readonly string[][]): string[][] {
  return paths.map((p) => [...p].reverse());
}

/** Equal sets of paths, whatever their order. */
export function samePaths(x: readonly string[][], y: readonly string[][]): boolean {
  const key = (paths: readonly string[][]): string => JSON.stringify(paths.map((p) => JSON.stringify(p)).sort());
  return key(x) === key(y);
}
