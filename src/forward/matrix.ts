import type { ForwardingBaseline } from './forwarding-baseline.js';
import { DELIVERED, OUTCOMES, type Outcome } from './outcome.js';
import type { PathSets } from './path-sets.js';
import { outcomeOf, pathSetOf, type Verdict } from './verdict.js';

export type SitePair = [src: number, dst: number];

/**
 * All-pairs verdicts of one scenario: the baseline's, with the pairs the scenario changed over them. Path sets
 * are ids of the scenario's table (which reads through to the baseline's), so equal paths compare as equal
 * numbers across the two.
 */
export class PairMatrix {
  readonly siteCount: number;

  constructor(
    private readonly base: ForwardingBaseline,
    readonly sets: PathSets,
    private readonly changes: ReadonlyMap<number, Verdict> = new Map(),
  ) {
    this.siteCount = base.siteCount;
  }

  /** The pairs whose verdict differs from the baseline's, as keys src * siteCount + dst. */
  changedPairs(): IterableIterator<number> {
    return this.changes.keys();
  }

  verdict(src: number, dst: number): Verdict {
    return this.changes.get(src * this.siteCount + dst) ?? this.base.pair(src, dst);
  }

  outcome(src: number, dst: number): Outcome {
    return OUTCOMES[outcomeOf(this.verdict(src, dst))]!;
  }

  reachable(src: number, dst: number): boolean {
    return outcomeOf(this.verdict(src, dst)) === DELIVERED;
  }

  /** The pair's delivered paths as failure-unit indices, in order, at most `limit`. */
  paths(src: number, dst: number, limit = Infinity): { paths: number[][]; truncated: boolean } {
    return this.sets.paths(pathSetOf(this.verdict(src, dst)), limit);
  }

  /** Same verdict (outcome and paths) as `other`'s for this pair. */
  sameAs(other: PairMatrix, src: number, dst: number): boolean {
    return this.verdict(src, dst) === other.verdict(src, dst);
  }

  /** Both ways delivered over the same units (the return paths are the forward ones reversed); null unless both delivered. */
  symmetric(a: number, b: number): boolean | null {
    const n = this.siteCount;
    if (!this.changes.has(a * n + b) && !this.changes.has(b * n + a)) return this.base.symmetric(a, b);
    const there = this.verdict(a, b);
    const back = this.verdict(b, a);
    if (outcomeOf(there) !== DELIVERED || outcomeOf(back) !== DELIVERED) return null;
    return this.sets.isReverseOf(pathSetOf(back), pathSetOf(there));
  }
}
