import type { Matrix } from '../forward/matrix.js';

export type SitePair = [src: number, dst: number];

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
 * Compares two matrices. With `changedColumns`, only pairs that can differ are visited: a pair's verdict
 * depends on its destination column, its symmetry on both the pair's columns.
 */
export function diffMatrices(base: Matrix, now: Matrix, changedColumns?: readonly number[]): ScenarioDiff {
  const diff: ScenarioDiff = { lost: [], gained: [], rerouted: [], asymmetric: [], symmetricAgain: [] };
  const n = base.siteCount;
  const changed = new Uint8Array(n).fill(changedColumns ? 0 : 1);
  for (const c of changedColumns ?? []) changed[c] = 1;
  for (let src = 0; src < n; src++) {
    for (let dst = 0; dst < n; dst++) {
      if (src === dst || !(changed[src] || changed[dst])) continue;
      const was = base.at(src, dst);
      const is = now.at(src, dst);
      const pair: SitePair = [src, dst];
      if (was.outcome === 'DELIVERED' && is.outcome !== 'DELIVERED') diff.lost.push(pair);
      else if (was.outcome !== 'DELIVERED' && is.outcome === 'DELIVERED') diff.gained.push(pair);
      else if (is.outcome === 'DELIVERED' && !sameKeys(was.pathKeys, is.pathKeys)) diff.rerouted.push(pair);
      const symWas = base.symmetric(src, dst);
      const symIs = now.symmetric(src, dst);
      if (symIs === false && symWas !== false) diff.asymmetric.push(pair);
      else if (symWas === false && symIs === true) diff.symmetricAgain.push(pair);
    }
  }
  return diff;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
