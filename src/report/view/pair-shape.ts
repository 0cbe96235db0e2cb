import type { Pair } from '../read/run-records.js';
import { groupPairs, type PairGroup } from './pair-groups.js';
import { siteSet, type SiteContext, type SiteSet } from './site-set.js';

/**
 * A list of pairs as a reader can take it in at estate scale:
 * - `list`: few pairs, each named;
 * - `site`: every pair involves one site (a spoke cut off from the rest): the site and its partners;
 * - `between`: the pairs join two sides and never two sites of one side (a circuit cutting on-premises sites
 *   off from a region): both sides;
 * - `among`: anything else: the sites involved.
 */
export type PairShape =
  | { kind: 'list'; pairs: PairGroup[] }
  | { kind: 'site'; site: string; partners: SiteSet }
  | { kind: 'between'; sides: [SiteSet, SiteSet] }
  | { kind: 'among'; sites: SiteSet };

/** Up to this many pairs (both directions counting once) are named one by one. */
export const NAMED_PAIRS = 6;

export function pairShape(pairs: readonly Pair[], ctx: SiteContext): PairShape {
  const groups = groupPairs(pairs);
  if (groups.length <= NAMED_PAIRS) return { kind: 'list', pairs: groups };
  const edges = groups.map((g): [number, number] => [ctx.index.get(g.a)!, ctx.index.get(g.b)!]);
  const common = commonSite(edges);
  if (common !== undefined) {
    return { kind: 'site', site: ctx.sites[common]!, partners: siteSet(edges.map(([a, b]) => (a === common ? b : a)), ctx) };
  }
  const sides = twoSides(edges);
  if (sides) return { kind: 'between', sides: [siteSet(sides[0], ctx), siteSet(sides[1], ctx)] };
  return { kind: 'among', sites: siteSet(edges.flat(), ctx) };
}

/** The site every edge touches, if any (the first in run order when one edge is all there is). */
export function commonSite(edges: readonly [number, number][]): number | undefined {
  let candidates = new Set(edges[0] ?? []);
  for (const [a, b] of edges) candidates = new Set([...candidates].filter((s) => s === a || s === b));
  return candidates.size ? Math.min(...candidates) : undefined;
}

/**
 * Two sides such that every edge joins them (a 2-colouring), or undefined when some edge joins two sites of
 * one side. Of each connected part, its smaller colour goes to the first side: a few sites against many.
 */
export function twoSides(edges: readonly [number, number][]): [number[], number[]] | undefined {
  const next = new Map<number, number[]>();
  for (const [a, b] of edges) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const list = next.get(from);
      if (list) list.push(to);
      else next.set(from, [to]);
    }
  }
  const colour = new Map<number, 0 | 1>();
  const sides: [number[], number[]] = [[], []];
  for (const start of [...next.keys()].sort((x, y) => x - y)) {
    if (colour.has(start)) continue;
    const part: [number[], number[]] = [[], []];
    colour.set(start, 0);
    const queue = [start];
    while (queue.length) {
      const s = queue.pop()!;
      const c = colour.get(s)!;
      part[c].push(s);
      for (const t of next.get(s)!) {
        const seen = colour.get(t);
        if (seen === c) return undefined;
        if (seen === undefined) {
          colour.set(t, c === 0 ? 1 : 0);
          queue.push(t);
        }
      }
    }
    const [few, many] = part[0].length <= part[1].length ? part : [part[1], part[0]];
    sides[0].push(...few);
    sides[1].push(...many);
  }
  return sides;
}
