import type { CompiledTopology } from '../model/compiled.js';
import type { PairMatrix as Matrix, SitePair } from '../forward/matrix.js';
import { asymmetryOf, type AsymmetryLevel } from './asymmetry.js';

export type { SitePair };

/** How a scenario's matrix differs from the baseline's, pair by pair (directed, in site order). */
export interface ScenarioDiff {
  /** Delivered in the baseline, not now. */
  lost: SitePair[];
  /** Not delivered in the baseline, delivered now. */
  gained: SitePair[];
  /** Delivered in both, over a different set of paths. */
  rerouted: SitePair[];
  /** Asymmetric now at or above the threshold, not in the baseline (both ways delivered now). */
  asymmetric: SitePair[];
  /** Asymmetric at or above the threshold in the baseline, delivered both ways below it now. */
  symmetricAgain: SitePair[];
}

/** What counts as asymmetric: pairs at or above `threshold` (an AsymmetryLevel) are flagged. */
export interface AsymmetryPolicy {
  topology: CompiledTopology;
  threshold: number;
}

/**
 * Compares a scenario's matrix with the baseline's. Only the pairs whose verdict changed can differ, and
 * their reverses, whose symmetry depends on them: each such pair of sites is visited once, both directions
 * together. Asymmetry counts from the policy's threshold up. Lists come out in site order.
 */
export function diffMatrices(base: Matrix, now: Matrix, policy: AsymmetryPolicy): ScenarioDiff {
  const n = now.siteCount;
  const keys = { lost: [] as number[], gained: [] as number[], rerouted: [] as number[], asymmetric: [] as number[], symmetricAgain: [] as number[] };
  const direction = (src: number, dst: number): void => {
    const was = base.reachable(src, dst);
    const is = now.reachable(src, dst);
    if (was && !is) keys.lost.push(src * n + dst);
    else if (!was && is) keys.gained.push(src * n + dst);
    else if (is && !now.sameAs(base, src, dst)) keys.rerouted.push(src * n + dst);
  };
  for (const key of sitePairs([...now.changedPairs()], n)) {
    const a = Math.floor(key / n);
    const b = key % n;
    direction(a, b);
    direction(b, a);
    const flagged = (level: AsymmetryLevel): boolean => level !== null && level >= policy.threshold;
    const was = asymmetryOf(policy.topology, base, a, b);
    const is = asymmetryOf(policy.topology, now, a, b);
    const into = flagged(is) && !flagged(was) ? keys.asymmetric : flagged(was) && is !== null && !flagged(is) ? keys.symmetricAgain : undefined;
    into?.push(a * n + b, b * n + a);
  }
  const pairs = (list: number[]): SitePair[] => Float64Array.from(list).sort().reduce<SitePair[]>((out, k) => {
    out.push([Math.floor(k / n), k % n]);
    return out;
  }, []);
  return {
    lost: pairs(keys.lost), gained: pairs(keys.gained), rerouted: pairs(keys.rerouted),
    asymmetric: pairs(keys.asymmetric), symmetricAgain: pairs(keys.symmetricAgain),
  };
}

/** The unordered pairs of distinct sites the directed pairs (keys src * n + dst) touch, as keys a * n + b with a < b. */
function sitePairs(directed: readonly number[], n: number): Float64Array {
  const keys = new Float64Array(directed.length);
  let count = 0;
  for (const key of directed) {
    const src = Math.floor(key / n);
    const dst = key % n;
    if (src !== dst) keys[count++] = Math.min(src, dst) * n + Math.max(src, dst);
  }
  const sorted = keys.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return sorted.subarray(0, unique);
}
