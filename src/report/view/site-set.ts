import type { SiteGroup, SiteGroups } from './site-groups.js';

/** The run's sites, their indices and groups: what every summary of sites needs. */
export interface SiteContext {
  sites: readonly string[];
  index: ReadonlyMap<string, number>;
  groups: SiteGroups;
}

export function siteContext(sites: readonly string[], groups: SiteGroups): SiteContext {
  return { sites, index: new Map(sites.map((s, i) => [s, i])), groups };
}

/**
 * Sites of one group in a set: `count` of the group's sites, the first few named. `group` is undefined when
 * the set is small enough to name whole, or the run has no site details to group by.
 */
export interface SiteSetPart {
  group: SiteGroup | undefined;
  count: number;
  sites: string[];
}

/** A set of sites as a reader takes it in: named when few, counted per group when many. */
export interface SiteSet {
  count: number;
  parts: SiteSetPart[];
}

/** Up to this many sites a set names them all. */
const NAMED = 8;
/** Sites named per group in a larger set. */
const NAMED_PER_GROUP = 3;

export function siteSet(indices: Iterable<number>, ctx: SiteContext): SiteSet {
  const sorted = [...new Set(indices)].sort((x, y) => x - y);
  if (sorted.length <= NAMED || !ctx.groups.fromDetails) {
    return { count: sorted.length, parts: [{ group: undefined, count: sorted.length, sites: sorted.slice(0, NAMED).map((s) => ctx.sites[s]!) }] };
  }
  const byGroup = new Map<number, number[]>();
  for (const s of sorted) {
    const g = ctx.groups.groupOf[s]!;
    const members = byGroup.get(g);
    if (members) members.push(s);
    else byGroup.set(g, [s]);
  }
  const parts = [...byGroup.entries()].sort(([x], [y]) => x - y).map(([g, members]): SiteSetPart => ({
    group: ctx.groups.groups[g]!, count: members.length, sites: members.slice(0, NAMED_PER_GROUP).map((s) => ctx.sites[s]!),
  }));
  return { count: sorted.length, parts };
}
