import type { PairMatrix as Matrix, SitePair } from '../forward/matrix.js';

export type { SitePair };

/** How a scenario's matrix differs from the baseline's, pair by pair (directed, in site order). */
export interface ScenarioDiff {
  /** Delivered in the baseline, not now. */
  lost: SitePair[];
  /** Not delivered in the baseline, delivered now. */
  gained: SitePair[];
  /** Delivered in both, over a different set of paths. */
  rerouted: SitePair[];
  /** Asymmetric now, not in the baseline (both ways delivered now). */
  asymmetric: SitePair[];
  /** Asymmetric in the baseline, symmetric now. */
  symmetricAgain: SitePair[];
}

/**
 * Compares two matrices. With `changedPairs` (the pairs whose verdict differs), only the pairs that can differ
 * are visited: those, and their reverse, whose symmetry depends on them. Lists come out in site order.
 */
export function diffMatrices(base: Matrix, now: Matrix, changedPairs?: readonly SitePair[]): ScenarioDiff {
  const diff: ScenarioDiff = { lost: [], gained: [], rerouted: [], asymmetric: [], symmetricAgain: [] };
  for (const pair of changedPairs ? withReverse(changedPairs, now.siteCount) : allPairs(now.siteCount)) {
    const [src, dst] = pair;
    if (src === dst) continue;
    const was = base.reachable(src, dst);
    const is = now.reachable(src, dst);
    if (was && !is) diff.lost.push(pair);
    else if (!was && is) diff.gained.push(pair);
    else if (is && !now.sameAs(base, src, dst)) diff.rerouted.push(pair);
    const symWas = base.symmetric(src, dst);
    const symIs = now.symmetric(src, dst);
    if (symIs === false && symWas !== false) diff.asymmetric.push(pair);
    else if (symWas === false && symIs === true) diff.symmetricAgain.push(pair);
  }
  return diff;
}

function* allPairs(n: number): Generator<SitePair> {
  for (let src = 0; src < n; src++) for (let dst = 0; dst < n; dst++) yield [src, dst];
}

function withReverse(pairs: readonly SitePair[], n: number): SitePair[] {
  const keys = new Set<number>();
  for (const [s, d] of pairs) {
    keys.add(s * n + d);
    keys.add(d * n + s);
  }
  return [...keys].sort((a, b) => a - b).map((k) => [Math.floor(k / n), k % n]);
}
