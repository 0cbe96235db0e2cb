import { describe, expect, it } from 'vitest';
import type { SiteDetail } from '../../../src/report/read/run-records.js';
import { MOST_SITES_PER_GROUP, siteGroups } from '../../../src/report/view/site-groups.js';

describe('siteGroups()', () => {
  it('groups each site by its region, else its hub, else its kind, in order of first appearance', () => {
    const details: SiteDetail[] = [
      { id: 'onprem1', kind: 'onprem' },
      { id: 'hub-we', kind: 'vnet', region: 'westeurope', hub: 'hub-we' },
      { id: 'spoke', kind: 'vnet', hub: 'hub-ne' },
      { id: 'hub-ne', kind: 'vnet', hub: 'hub-ne' },
      { id: 'branch', kind: 'vnet' },
      { id: 'spoke-we', kind: 'vnet', region: 'westeurope', hub: 'hub-we' },
    ];
    const { groups, groupOf, fromDetails } = siteGroups(details.map((d) => d.id), details);
    expect(fromDetails).toBe(true);
    expect(groups.map((g) => [g.basis, g.sites])).toEqual([
      [{ by: 'kind', kind: 'onprem' }, [0]],
      [{ by: 'region', region: 'westeurope' }, [1, 5]],
      [{ by: 'hub', hub: 'hub-ne' }, [2, 3]],
      [{ by: 'kind', kind: 'vnet' }, [4]],
    ]);
    expect(groupOf).toEqual([0, 1, 2, 2, 3, 1]);
  });

  it('cuts a group bigger than a drill-down can draw into even parts', () => {
    const n = 2 * MOST_SITES_PER_GROUP + 1;
    const details: SiteDetail[] = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: 'vnet', region: 'eastus' }));
    const { groups } = siteGroups(details.map((d) => d.id), details);
    expect(groups.map((g) => [g.part, g.sites.length])).toEqual([[{ part: 1, parts: 3 }, 67], [{ part: 2, parts: 3 }, 67], [{ part: 3, parts: 3 }, 67]]);
  });

  it('without site details, takes sites 25 at a time in file order', () => {
    const sites = Array.from({ length: 60 }, (_, i) => `s${i}`);
    const { groups, fromDetails } = siteGroups(sites, undefined);
    expect(fromDetails).toBe(false);
    expect(groups.map((g) => [g.basis, g.sites.length])).toEqual([
      [{ by: 'order', first: 1, last: 25 }, 25], [{ by: 'order', first: 26, last: 50 }, 25], [{ by: 'order', first: 51, last: 60 }, 10],
    ]);
  });
});
