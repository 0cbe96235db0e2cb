import { error, warning, type Issue } from '../issue.js';
import { isPeered, type Model, type PrefixAt, type SiteInfo } from './model.js';
import { count, nameList } from './name-list.js';
import { first, firstFromOtherGroups, prefixGroups, type PrefixGroup } from './prefix-groups.js';

/**
 * Azure rejects a VNet whose address spaces overlap each other: a packet's destination must name one place.
 * Each prefix that overlaps an earlier one of the same VNet is an error, naming the first it overlaps.
 * (Peered VNets that overlap are peerings.ts's, a local network gateway overlapping its VNet vpn.ts's.)
 */
export function vnetSpaceOverlaps(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const v of m.vnets) {
    if (v.space.length < 2) continue; // the usual case: nothing to compare
    const groups = prefixGroups(v.space.map((p, order) => ({ ...p, order })));
    const elsewhere = firstFromOtherGroups(groups, () => true);
    for (const g of groups) {
      for (const b of g.items) {
        const a = first(b === g.items[0] ? g.items[1] : g.items[0], elsewhere.get(g));
        if (!a || a.order > b.order) continue;
        issues.push(
          error(
            b.path,
            `"${b.text}" overlaps "${a.text}" of the same VNet`,
            'the address spaces of a VNet must not overlap: remove one',
          ),
        );
      }
    }
  }
  return issues;
}

interface Entry extends PrefixAt {
  site: SiteInfo;
  order: number;
}

type Group = PrefixGroup<Entry>;

const WHY = 'traffic for the overlap cannot be told apart';

/**
 * Sites whose address spaces overlap: Azure allows it between sites that never exchange routes directly, but
 * the traffic for the overlap cannot be told apart, so it is a warning (peered VNets get an error from
 * peerings.ts instead, and a site's own prefixes are not compared).
 *
 * One warning per overlapping pair of sites would flood: 1,000 VNets on one prefix make 499,500 pairs. So a
 * prefix shared by several sites is one warning that lists them, a prefix overlapping several others (an
 * on-premises 10.0.0.0/8 around every VNet) one warning that lists those, and only a lone pair a warning of
 * its own. The prefixes are compared by prefix-groups.ts's sweep, never pair by pair.
 */
export function siteOverlaps(m: Model): Issue[] {
  let order = 0;
  const entries = m.sites.flatMap((site) => site.space.map((p): Entry => ({ ...p, site, order: order++ })));
  const groups = prefixGroups(entries);
  const sitesOf = new Map(groups.map((g) => [g, oncePerSite(g.items)]));
  const apart = (a: Entry, b: Entry): boolean => a.site !== b.site && !isPeered(m, a.site.id, b.site.id);
  const issues: Issue[] = [];
  const overlapsInside = new Map<Group, [inner: Entry, outer: Entry][]>();
  for (const g of groups) {
    const sites = sitesOf.get(g) as Entry[];
    if (pairApart(sites, sites, apart)) issues.push(sharedIssue(sites));
    for (let outer = g.outer; outer; outer = outer.outer) {
      const pair = pairApart(sites, sitesOf.get(outer) as Entry[], apart);
      if (!pair) continue;
      const found = overlapsInside.get(outer);
      if (found) found.push(pair);
      else overlapsInside.set(outer, [pair]);
    }
  }
  for (const [outer, pairs] of overlapsInside) {
    const [pair] = pairs;
    if (pairs.length === 1 && pair) issues.push(pairIssue(...pair));
    else issues.push(containsManyIssue(sitesOf.get(outer)?.[0] as Entry, pairs.map(([inner]) => inner)));
  }
  return issues;
}

/** The first entry of each site: a site listing a prefix twice is not an overlap between sites. */
function oncePerSite(items: readonly Entry[]): Entry[] {
  const seen = new Set<SiteInfo>();
  return items.filter((e) => !seen.has(e.site) && seen.add(e.site));
}

/**
 * A pair of entries, one from each list, that `apart` accepts, if any. It stops at the first: the pairs it
 * passes over belong to one site or to peered VNets, so their number is bounded by the file's peerings.
 */
function pairApart(
  a: readonly Entry[],
  b: readonly Entry[],
  apart: (x: Entry, y: Entry) => boolean,
): [Entry, Entry] | undefined {
  for (const x of a) {
    for (const y of b) if (apart(x, y)) return [x, y];
  }
  return undefined;
}

function pairIssue(x: Entry, y: Entry): Issue {
  const [earlier, later] = x.order < y.order ? [x, y] : [y, x];
  return warning(
    later.path,
    `"${later.text}" overlaps "${earlier.text}" of site "${earlier.site.id}": ${WHY}`,
    'renumber one of the sites, or leave out the one you do not mean to model',
  );
}

/** At the second site to use the prefix, where the sharing begins. */
function sharedIssue(sites: readonly Entry[]): Issue {
  const [firstSite, second] = sites as [Entry, Entry];
  if (sites.length === 2) return pairIssue(firstSite, second);
  const ids = nameList(sites.map((e) => e.site.id), (id) => `"${id}"`);
  return warning(
    second.path,
    `${count(sites.length)} sites share "${firstSite.text}" (${ids}): ${WHY}`,
    'renumber the sites, or leave out the ones you do not mean to model',
  );
}

function containsManyIssue(outer: Entry, inner: readonly Entry[]): Issue {
  const listed = nameList(inner.map((e) => `"${e.text}" of "${e.site.id}"`));
  return warning(
    outer.path,
    `"${outer.text}" overlaps ${count(inner.length)} prefixes of other sites (${listed}): ${WHY}`,
    `renumber the sites, or narrow "${outer.text}" to what "${outer.site.id}" holds`,
  );
}
