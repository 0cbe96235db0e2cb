import { describe, expect, it } from 'vitest';
import type { Pair } from '../../../src/report/read/run-records.js';
import { siteGroups } from '../../../src/report/view/site-groups.js';
import { siteContext } from '../../../src/report/view/site-set.js';
import { spofView } from '../../../src/report/view/spof.js';

/**
 * hub, two spokes, a remote VNet and two on-premises sites. Baseline: everyone reaches everyone except that
 * remote and onprem2 do not reach each other. Units:
 * - peering:s1 cuts s1 from all 5 others: isolates s1;
 * - er-conn:remote cuts remote from hub, s1, s2, but not from onprem1: one site cut off from 3 of its 4 partners;
 * - er-conn:onprem cuts onprem1 and onprem2 from hub, s1, s2: two sides;
 * - global-reach cuts onprem1 <-> remote only: one pair, between two sites.
 */
const SITES = ['hub', 's1', 's2', 'remote', 'onprem1', 'onprem2'];
const CODES = ['ssssss', 'ssssss', 'ssssss', 'sssssu', 'ssssss', 'sssuss'];
const ctx = siteContext(SITES, siteGroups(SITES, undefined));
const both = (a: string, bs: string[]): Pair[] => bs.flatMap((b): Pair[] => [[a, b], [b, a]]);
const SPOFS = [
  { unit: 'peering:s1', breaks: both('s1', ['hub', 's2', 'remote', 'onprem1', 'onprem2']) },
  { unit: 'er-conn:remote', breaks: both('remote', ['hub', 's1', 's2']) },
  { unit: 'er-conn:onprem', breaks: [...both('onprem1', ['hub', 's1', 's2']), ...both('onprem2', ['hub', 's1', 's2'])] },
  { unit: 'global-reach', breaks: both('onprem1', ['remote']) },
];

describe('spofView()', () => {
  const view = spofView(SPOFS, CODES, ctx);

  it('finds the site a unit isolates: it cut every pair the site had, both ways', () => {
    expect(view.isolations).toEqual([{ group: undefined, units: [{ unit: 'peering:s1', site: 's1', pairs: 10 }] }]);
  });

  it('tells a unit that cuts one site off from some partners, with how many it had', () => {
    expect(view.oneSite).toHaveLength(1);
    expect(view.oneSite[0]).toMatchObject({ unit: 'er-conn:remote', site: 'remote', pairs: 6, partnersBefore: 4 });
    expect(view.oneSite[0]!.partners.parts[0]!.sites).toEqual(['hub', 's1', 's2']);
  });

  it('tells units that cut paths several sites share by their two sides, most pairs first', () => {
    expect(view.shared.map((c) => [c.unit, c.pairs, c.sides?.map((s) => s.parts[0]!.sites)])).toEqual([
      ['er-conn:onprem', 12, [['onprem1', 'onprem2'], ['hub', 's1', 's2']]],
      ['global-reach', 2, [['remote'], ['onprem1']]],
    ]);
  });

  it('counts them all and names the worst', () => {
    expect(view.count).toBe(4);
    expect(view.worst).toEqual({ unit: 'er-conn:onprem', pairs: 12 });
  });
});
