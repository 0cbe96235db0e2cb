import type { Pair } from '../read/run-records.js';
import { stateOf } from './cells.js';
import { groupPairs } from './pair-groups.js';
import { commonSite, twoSides } from './pair-shape.js';
import type { SiteGroup } from './site-groups.js';
import { siteSet, type SiteContext, type SiteSet } from './site-set.js';

/** A unit that cuts one site off from everything it reached (a spoke's own peering, a branch's only tunnel). */
export interface Isolation {
  unit: string;
  site: string;
  pairs: number;
}

/** A unit that cuts one site off from some of the sites it reached. */
export interface OneSiteCut {
  unit: string;
  site: string;
  pairs: number;
  /** The sites it can no longer reach, or be reached from. */
  partners: SiteSet;
  /** How many sites it reached, or was reached from, before. */
  partnersBefore: number;
}

/** A unit that cuts paths several sites share: the findings an estate review is for. */
export interface SharedCut {
  unit: string;
  pairs: number;
  /** Every pair joins the two sides; or, when no two sides say it, `among` the sites involved. */
  sides: [SiteSet, SiteSet] | undefined;
  among: SiteSet | undefined;
}

export interface SpofView {
  count: number;
  worst: { unit: string; pairs: number } | undefined;
  /** Most pairs first. */
  shared: SharedCut[];
  oneSite: OneSiteCut[];
  /** By the isolated site's group (one bucket without site details), sites in run order. */
  isolations: { group: SiteGroup | undefined; units: Isolation[] }[];
}

/**
 * Single points of failure grouped by what they cut. `codes` is the baseline (cells.ts): a site is isolated
 * when the unit cuts every pair, either direction, that the site had in the baseline.
 */
export function spofView(spofs: readonly { unit: string; breaks: Pair[] }[], codes: readonly string[], ctx: SiteContext): SpofView {
  const reachable = reachableCounts(codes);
  const shared: SharedCut[] = [];
  const oneSite: OneSiteCut[] = [];
  const isolated: { index: number; isolation: Isolation }[] = [];
  for (const { unit, breaks } of spofs) {
    const pairs = breaks.length;
    const edges = groupPairs(breaks).map((g): [number, number] => [ctx.index.get(g.a)!, ctx.index.get(g.b)!]);
    const perSite = new Map<number, number>();
    for (const [s, d] of breaks) for (const x of [ctx.index.get(s)!, ctx.index.get(d)!]) perSite.set(x, (perSite.get(x) ?? 0) + 1);
    const whole = [...perSite.keys()].filter((x) => perSite.get(x) === pairs && pairs === reachable.withSite[x]).sort((x, y) => x - y)[0];
    if (whole !== undefined) {
      isolated.push({ index: whole, isolation: { unit, site: ctx.sites[whole]!, pairs } });
      continue;
    }
    const common = commonSite(edges);
    if (common !== undefined && edges.length > 1) {
      const partners = edges.map(([a, b]) => (a === common ? b : a));
      oneSite.push({ unit, site: ctx.sites[common]!, pairs, partners: siteSet(partners, ctx), partnersBefore: reachable.partners[common]! });
      continue;
    }
    const sides = twoSides(edges);
    shared.push(sides
      ? { unit, pairs, sides: [siteSet(sides[0], ctx), siteSet(sides[1], ctx)], among: undefined }
      : { unit, pairs, sides: undefined, among: siteSet(edges.flat(), ctx) });
  }
  const byPairs = <T extends { unit: string; pairs: number }>(x: T, y: T): number => y.pairs - x.pairs || (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : 0);
  const all = [...shared, ...oneSite, ...isolated.map((i) => i.isolation)].sort(byPairs);
  return {
    count: spofs.length,
    worst: all[0] && { unit: all[0].unit, pairs: all[0].pairs },
    shared: shared.sort(byPairs),
    oneSite: oneSite.sort(byPairs),
    isolations: isolationsByGroup(isolated, ctx),
  };
}

function isolationsByGroup(isolated: { index: number; isolation: Isolation }[], ctx: SiteContext): SpofView['isolations'] {
  const sorted = [...isolated].sort((x, y) => x.index - y.index);
  if (!ctx.groups.fromDetails) return sorted.length ? [{ group: undefined, units: sorted.map((i) => i.isolation) }] : [];
  const byGroup = new Map<number, Isolation[]>();
  for (const { index, isolation } of sorted) {
    const g = ctx.groups.groupOf[index]!;
    const units = byGroup.get(g);
    if (units) units.push(isolation);
    else byGroup.set(g, [isolation]);
  }
  return [...byGroup.entries()].sort(([x], [y]) => x - y).map(([g, units]) => ({ group: ctx.groups.groups[g]!, units }));
}

/**
 * Per site, in the baseline: directed pairs with it at either end that are reachable (`withSite`), and
 * sites it reaches or is reached from (`partners`).
 */
function reachableCounts(codes: readonly string[]): { withSite: number[]; partners: number[] } {
  const n = codes.length;
  const withSite = new Array<number>(n).fill(0);
  const partners = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      if (s === d) continue;
      const out = stateOf(codes[s]![d]!) !== 'unreachable';
      const back = stateOf(codes[d]![s]!) !== 'unreachable';
      if (out) withSite[s]!++;
      if (back) withSite[s]!++;
      if (out || back) partners[s]!++;
    }
  }
  return { withSite, partners };
}
