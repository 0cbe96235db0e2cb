import { describe, expect, it } from 'vitest';
import { asymmetryGroups, moveGroups, unitDifference } from '../../../src/report/view/path-changes.js';
import { siteGroups } from '../../../src/report/view/site-groups.js';
import { siteContext } from '../../../src/report/view/site-set.js';

const SITES = ['hub', 'spoke', 'onprem'];
const ctx = siteContext(SITES, siteGroups(SITES, undefined));

describe('unitDifference()', () => {
  it('gives the units only the first paths cross and only the second, in path order', () => {
    expect(unitDifference([['a', 'b', 'c'], ['a', 'd']], [['a', 'e'], ['c']])).toEqual([['b', 'd'], ['e']]);
  });
});

describe('moveGroups()', () => {
  it('puts pairs that leave and join the same units in one group, whatever else their paths cross', () => {
    const groups = moveGroups([
      { src: 'hub', dst: 'onprem', before: [['er', 'link1']], after: [['vpn']] },
      { src: 'spoke', dst: 'onprem', before: [['peering', 'er', 'link1']], after: [['peering', 'vpn']], truncated: true },
      { src: 'onprem', dst: 'hub', before: [['link1', 'er']], after: [['link2', 'er']] },
    ], ctx);
    expect(groups.map((g) => [g.count, g.left, g.joined, g.truncated])).toEqual([[2, ['er', 'link1'], ['vpn'], true], [1, ['link1'], ['link2'], false]]);
    expect(groups[0]!.pairs).toEqual({ kind: 'list', pairs: [{ a: 'hub', b: 'onprem', both: false }, { a: 'spoke', b: 'onprem', both: false }] });
  });
});

describe('asymmetryGroups()', () => {
  it('counts a pair listed both ways once, and turns pairs so that one group reads one way', () => {
    const groups = asymmetryGroups([
      { src: 'hub', dst: 'onprem', class: 'transport', forward: [['er']], return: [['vpn']] },
      { src: 'onprem', dst: 'hub', class: 'transport', forward: [['vpn']], return: [['er']] },
      // Listed from onprem: its forward is the VPN side, so it joins the group turned round.
      { src: 'onprem', dst: 'spoke', class: 'transport', forward: [['vpn', 'peering']], return: [['peering', 'er']] },
      { src: 'hub', dst: 'spoke', class: 'link', forward: [['p1']], return: [['p2']] },
    ], ctx);
    expect(groups.map((g) => [g.class, g.count, g.forwardOnly, g.returnOnly])).toEqual([['transport', 2, ['er'], ['vpn']], ['link', 1, ['p1'], ['p2']]]);
    expect(groups[0]!.pairs).toEqual({ kind: 'list', pairs: [{ a: 'hub', b: 'onprem', both: false }, { a: 'spoke', b: 'onprem', both: false }] });
  });
});
