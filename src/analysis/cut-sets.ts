/**
 * The minimal cut sets of each pair of sites: the sets of failure units whose failure together stops traffic
 * between the two (one way or both) while no smaller part of the set does. A pair is keyed a * siteCount + b
 * with a < b; a cut is its unit indices, ascending.
 *
 * Cuts come from failure scenarios in enumeration order (by size, then `whatif links` order): a scenario that
 * loses a pair none of its parts loses is a minimal cut of it.
 */
export class CutSets {
  private readonly byPair = new Map<number, number[][]>();

  constructor(private readonly siteCount: number) {}

  /**
   * Records `units` as a minimal cut of every pair it newly cuts: those it loses (directed keys
   * src * siteCount + dst) that its parts together do not (`covered`, directed keys too), among `connected`.
   */
  addScenario(units: readonly number[], lost: readonly number[], covered: ReadonlySet<number>, connected: (pair: number) => boolean): void {
    const coveredPairs = new Set<number>();
    for (const key of covered) coveredPairs.add(this.pairOf(key));
    const cut = new Set<number>();
    for (const key of lost) {
      const pair = this.pairOf(key);
      if (!coveredPairs.has(pair) && connected(pair)) cut.add(pair);
    }
    for (const pair of cut) this.add(pair, units);
  }

  /** Records a minimal cut of a pair (found by this run, or by a shard of it). */
  add(pair: number, units: readonly number[]): void {
    const list = this.byPair.get(pair);
    if (list) list.push([...units]);
    else this.byPair.set(pair, [[...units]]);
  }

  /** The pairs with at least one cut, ascending. */
  pairs(): number[] {
    return [...this.byPair.keys()].sort((a, b) => a - b);
  }

  /** A pair's cuts, smallest first, then in unit order. */
  cutsOf(pair: number): readonly (readonly number[])[] {
    return (this.byPair.get(pair) ?? []).sort(compareCuts);
  }

  /** The unordered pair of a directed key. */
  pairOf(directed: number): number {
    const src = Math.floor(directed / this.siteCount);
    const dst = directed % this.siteCount;
    return Math.min(src, dst) * this.siteCount + Math.max(src, dst);
  }
}

function compareCuts(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
