import { error, warning, type Issue } from '../issue.js';
import { containsPrefix, overlaps } from '../prefix.js';
import { isPeered, type Model } from './model.js';

/**
 * Azure rejects a VNet whose address spaces overlap each other: a packet's destination must name one place.
 * (Peered VNets that overlap are peerings.ts's, a local network gateway overlapping its VNet vpn.ts's.)
 */
export function vnetSpaceOverlaps(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const v of m.vnets) {
    v.space.forEach((b, j) => {
      const a = v.space.slice(0, j).find((p) => overlaps(p.prefix, b.prefix));
      if (!a) return;
      issues.push(
        error(
          b.path,
          `"${b.text}" overlaps "${a.text}" of the same VNet`,
          'the address spaces of a VNet must not overlap: remove one',
        ),
      );
    });
  }
  return issues;
}

/**
 * Sites whose address spaces overlap: Azure allows it between sites that never exchange routes directly, but
 * the traffic for the overlap cannot be told apart, so it is a warning (peered VNets get an error from
 * peerings.ts instead). Prefixes either nest or are disjoint, so a sweep in address order with a stack of
 * enclosing prefixes finds every overlapping pair without comparing all pairs of sites.
 */
export function siteOverlaps(m: Model): Issue[] {
  const all = m.sites.flatMap((site, order) => site.space.map((p, k) => ({ ...p, site, order, k })));
  all.sort((a, b) => a.prefix.net - b.prefix.net || a.prefix.len - b.prefix.len);
  type Entry = (typeof all)[number];
  const found = new Map<string, { later: Entry; earlier: Entry }>();
  const stack: Entry[] = [];
  for (const p of all) {
    while (stack.length > 0 && !containsPrefix((stack[stack.length - 1] as Entry).prefix, p.prefix)) stack.pop();
    for (const outer of stack) {
      if (outer.site.id === p.site.id || isPeered(m, outer.site.id, p.site.id)) continue;
      const outerFirst = outer.order < p.order || (outer.order === p.order && outer.k < p.k);
      const [earlier, later] = outerFirst ? [outer, p] : [p, outer];
      // One warning per prefix and per site it overlaps.
      const key = `${later.path}\u0000${earlier.site.path}`;
      if (!found.has(key)) found.set(key, { later, earlier });
    }
    stack.push(p);
  }
  return [...found.values()].map(({ later, earlier }) =>
    warning(
      later.path,
      `"${later.text}" overlaps "${earlier.text}" of site "${earlier.site.id}": ` +
        'traffic for the overlap cannot be told apart',
      'renumber one of the sites, or leave out the one you do not mean to model',
    ),
  );
}
