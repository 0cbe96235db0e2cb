import type { PairShape } from '../view/pair-shape.js';
import type { SiteGroup } from '../view/site-groups.js';
import type { SiteSet } from '../view/site-set.js';
import { plural } from './labels.js';
import { ids, joined, type Rich } from './rich.js';

/** `region westeurope`, `hub r1-hub`, `on-premises sites`, `sites 26-50`; a part of a big group says so. */
export function groupWords(group: SiteGroup): Rich {
  const b = group.basis;
  const name: Rich = b.by === 'region' ? ['region ', { id: b.region }]
    : b.by === 'hub' ? ['hub ', { id: b.hub }]
      : b.by === 'kind' ? [b.kind === 'onprem' ? 'on-premises sites' : 'VNets']
        : [`sites ${b.first}-${b.last}`];
  return group.part ? [...name, ` (part ${group.part.part} of ${group.part.parts})`] : name;
}

/** `12 sites of region westeurope`; sites grouped by kind are counted as such: `12 on-premises sites`. */
function sitesOf(count: number, group: SiteGroup): Rich {
  if (group.basis.by !== 'kind' || group.part) return [`${plural(count, 'site')} of `, ...groupWords(group)];
  return [plural(count, group.basis.kind === 'onprem' ? 'on-premises site' : 'VNet')];
}

/** How the groups were made, for an intro. */
export function groupingWords(groups: readonly SiteGroup[], fromDetails: boolean): string {
  if (!fromDetails) return 'in file order (the run does not say each site\'s region or hub)';
  const bases = new Set(groups.map((g) => g.basis.by));
  return `by ${(['region', 'hub', 'kind'] as const).filter((b) => bases.has(b)).join(', else by ')}`;
}

/** `a`, `b` and `c`; or per group: `all 77 sites of region westeurope; 3 sites of hub r1-hub (...)`. */
export function siteSetWords(set: SiteSet): Rich {
  return joined(set.parts.map((part): Rich => {
    const names = ids(part.sites);
    const rest = part.count - part.sites.length;
    if (!part.group) return rest > 0 ? [...names, ` and ${rest.toLocaleString('en-US')} more`] : joined(part.sites.map((id) => [{ id }]), ', ', ' and ');
    if (rest === 0 && part.count < part.group.sites.length) return [...names, ' (', ...groupWords(part.group), ')'];
    const count = sitesOf(part.count, part.group);
    if (part.count === part.group.sites.length) return ['all ', ...count];
    return [...count, ' (', ...names, ', ...)'];
  }), '; ');
}

/** Pairs named one by one, or as the site or sides they have in common. */
export function pairShapeWords(shape: PairShape): Rich {
  switch (shape.kind) {
    case 'list': return shape.pairs.length ? joined(shape.pairs.map((pair) => [{ pair }])) : ['none'];
    case 'site': return [{ id: shape.site }, ' with ', ...siteSetWords(shape.partners)];
    case 'between': return ['between ', ...siteSetWords(shape.sides[0]), ' and ', ...siteSetWords(shape.sides[1])];
    case 'among': return ['among ', ...siteSetWords(shape.sites)];
  }
}
