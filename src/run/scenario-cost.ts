import type { Engine } from '../analysis/engine.js';
import type { PathSets } from '../forward/path-sets.js';
import { pathSetOf } from '../forward/verdict.js';

/**
 * What a scenario is expected to cost, before it runs, for sizing batches: a failure's work is the pairs whose
 * paths cross a failed unit (walked again, diffed, written) and the prefixes it carries (re-converged), on top
 * of a fixed cost per scenario. The units of an estate differ a thousandfold here (a spoke's peering against a
 * data centre circuit's connection), which a batch of cheap scenarios next to dear ones must not hide.
 */
export class ScenarioCost {
  private readonly perUnit: Float64Array;
  private readonly fixed: number;

  constructor(engine: Engine) {
    const { topology, baseline } = engine;
    const n = topology.sites.length;
    const crossing = new UnitCounter(baseline.matrix.sets, topology.units.length);
    for (let src = 0; src < n; src++) {
      for (let dst = 0; dst < n; dst++) if (src !== dst) crossing.add(pathSetOf(baseline.matrix.verdict(src, dst)));
    }
    this.perUnit = crossing.counts;
    const { unitStart } = baseline.routing.arrays;
    topology.units.forEach((_, u) => { this.perUnit[u]! += unitStart[u + 1]! - unitStart[u]!; });
    this.fixed = n;
  }

  of(failed: readonly number[]): number {
    let cost = this.fixed;
    for (const u of failed) cost += this.perUnit[u]!;
    return cost;
  }
}

/**
 * Per unit, how many of the sets added cross it: PathSets.unitsOf for millions of pairs, without allocating per
 * set (stamps instead of sets mark what this set has visited).
 */
class UnitCounter {
  readonly counts: Float64Array;
  private readonly setSeen: Int32Array;
  private readonly unitSeen: Int32Array;
  private readonly stack: number[] = [];
  private stamp = 0;

  constructor(private readonly sets: PathSets, unitCount: number) {
    this.counts = new Float64Array(unitCount);
    this.setSeen = new Int32Array(sets.size);
    this.unitSeen = new Int32Array(unitCount);
  }

  add(set: number): void {
    const stamp = ++this.stamp;
    const stack = this.stack;
    stack.push(set);
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (this.setSeen[top] === stamp) continue;
      this.setSeen[top] = stamp;
      for (let k = 0; k < this.sets.childCount(top); k++) {
        const unit = this.sets.childUnitOf(top, k);
        if (this.unitSeen[unit] !== stamp) {
          this.unitSeen[unit] = stamp;
          this.counts[unit]!++;
        }
        stack.push(this.sets.childSetOf(top, k));
      }
    }
  }
}
