import type { BaselineDigest } from '../read/run-digest.js';
import type { AsymmetryClass, SummaryRecordIn } from '../read/run-records.js';
import { classOfChar } from './asymmetry-class.js';
import { stateOf } from './cells.js';
import type { BaselineView, PairCounts } from './report-view.js';
import type { SiteContext } from './site-set.js';

/**
 * The baseline summarised by site and by group: what each site reaches, what reaches it, and each group's
 * pairs toward each group. `codes` is the baseline as cells.ts codes it.
 */
export function baselineView(codes: readonly string[], baseline: BaselineDigest, summary: SummaryRecordIn, ctx: SiteContext): BaselineView {
  const { groups, groupOf } = ctx.groups;
  const n = codes.length;
  const empty = (): PairCounts => ({ pairs: 0, reachable: 0, asymmetric: 0, oneWay: 0 });
  const perSite = ctx.sites.map((site, s) => ({ site, group: groups[groupOf[s]!]!, reachedBy: 0, ...empty() }));
  const groupMatrix = groups.map(() => groups.map(empty));
  const total = empty();
  for (let s = 0; s < n; s++) {
    const row = codes[s]!;
    const cells = groupMatrix[groupOf[s]!]!;
    for (let d = 0; d < n; d++) {
      if (s === d) continue;
      const state = stateOf(row[d]!);
      for (const c of [perSite[s]!, cells[groupOf[d]!]!, total]) {
        c.pairs++;
        if (state !== 'unreachable') c.reachable++;
        if (state === 'asymmetric') c.asymmetric++;
        if (state === 'one-way') c.oneWay++;
      }
      if (state !== 'unreachable') perSite[d]!.reachedBy++;
    }
  }
  const perGroup = groups.map((group, g) => groupMatrix[g]!.reduce((sum, c) => ({
    group, pairs: sum.pairs + c.pairs, reachable: sum.reachable + c.reachable, asymmetric: sum.asymmetric + c.asymmetric, oneWay: sum.oneWay + c.oneWay,
  }), { group, ...empty() }));
  return {
    ...total,
    byClass: summary.findings?.asymmetricPairsByClass ?? countClasses(baseline.asymmetry),
    perSite, perGroup, groupMatrix,
    pathsListed: baseline.asymmetricPaths.length > 0,
  };
}

/** Directed pairs of each asymmetry class in an `asymmetry` matrix; undefined without one. */
function countClasses(rows: readonly string[] | undefined): Record<AsymmetryClass, number> | undefined {
  if (!rows) return undefined;
  const counts: Record<AsymmetryClass, number> = { link: 0, circuit: 0, transport: 0 };
  for (const row of rows) {
    for (const char of row) {
      const cls = classOfChar(char);
      if (cls) counts[cls]++;
    }
  }
  return counts;
}
