import type { SiteDetail } from '../read/run-records.js';

/** What a group of sites has in common: the run's site details name a region, a hub or only a kind. */
export type GroupBasis =
  | { by: 'region'; region: string }
  | { by: 'hub'; hub: string }
  | { by: 'kind'; kind: SiteDetail['kind'] }
  /** The run has no site details: sites taken in file order (`first`, `last` are 1-based positions). */
  | { by: 'order'; first: number; last: number };

export interface SiteGroup {
  basis: GroupBasis;
  /** Set when a big group is cut into parts: part `part` of `parts`. */
  part?: { part: number; parts: number };
  /** Site indices, in run order. */
  sites: number[];
}

export interface SiteGroups {
  groups: SiteGroup[];
  /** Group index of each site. */
  groupOf: number[];
  /** True when the groups come from the run's site details (a region, a hub or a kind means something). */
  fromDetails: boolean;
}

/** A drill-down draws a group against a group site by site: past this, it would be too slow and unreadable. */
export const MOST_SITES_PER_GROUP = 100;

/** Without site details, sites are grouped this many at a time, in file order. */
const SITES_PER_ORDER_GROUP = 25;

/**
 * Sites grouped by region, else by hub, else by kind (per site: on-premises sites usually have no region),
 * groups in order of first appearance, each cut into parts of at most MOST_SITES_PER_GROUP. Without site
 * details (runs of older engines), blocks of consecutive sites: topology files tend to list a region's sites
 * together.
 */
export function siteGroups(sites: readonly string[], details: readonly SiteDetail[] | undefined): SiteGroups {
  const byKey = new Map<string, { basis: GroupBasis; sites: number[] }>();
  if (details) {
    details.forEach((d, i) => {
      const basis: GroupBasis = d.region !== undefined ? { by: 'region', region: d.region } : d.hub !== undefined ? { by: 'hub', hub: d.hub } : { by: 'kind', kind: d.kind };
      const key = JSON.stringify(basis);
      const group = byKey.get(key) ?? byKey.set(key, { basis, sites: [] }).get(key)!;
      group.sites.push(i);
    });
  } else {
    for (let first = 0; first < sites.length; first += SITES_PER_ORDER_GROUP) {
      const last = Math.min(sites.length, first + SITES_PER_ORDER_GROUP);
      byKey.set(String(first), { basis: { by: 'order', first: first + 1, last }, sites: range(first, last) });
    }
  }
  const groups = [...byKey.values()].flatMap(splitLarge);
  const groupOf = new Array<number>(sites.length).fill(0);
  groups.forEach((g, i) => g.sites.forEach((s) => { groupOf[s] = i; }));
  return { groups, groupOf, fromDetails: details !== undefined };
}

function splitLarge(group: { basis: GroupBasis; sites: number[] }): SiteGroup[] {
  if (group.sites.length <= MOST_SITES_PER_GROUP) return [group];
  const parts = Math.ceil(group.sites.length / MOST_SITES_PER_GROUP);
  const size = Math.ceil(group.sites.length / parts);
  return Array.from({ length: parts }, (_, p) => ({ basis: group.basis, part: { part: p + 1, parts }, sites: group.sites.slice(p * size, (p + 1) * size) }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
