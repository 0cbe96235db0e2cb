import { describe, expect, it } from 'vitest';
import type { Pair } from '../../../src/report/read/run-records.js';
import { pairShape } from '../../../src/report/view/pair-shape.js';
import { siteGroups } from '../../../src/report/view/site-groups.js';
import { siteContext, siteSet } from '../../../src/report/view/site-set.js';

/** 2 on-premises sites and 3 regions of 4 VNets: dc1, dc2, a1..a4, b1..b4, c1..c4. */
const SITES = ['dc1', 'dc2', ...['a', 'b', 'c'].flatMap((r) => [1, 2, 3, 4].map((i) => `${r}${i}`))];
const DETAILS = SITES.map((id) => (id.startsWith('dc') ? { id, kind: 'onprem' as const } : { id, kind: 'vnet' as const, region: `region-${id[0]}` }));
const grouped = siteContext(SITES, siteGroups(SITES, DETAILS));
const plain = siteContext(SITES, siteGroups(SITES, undefined));
const both = (a: string, bs: string[]): Pair[] => bs.flatMap((b): Pair[] => [[a, b], [b, a]]);
const region = (r: string): string[] => [1, 2, 3, 4].map((i) => `${r}${i}`);

describe('pairShape()', () => {
  it('names up to 6 pairs one by one, both directions as one', () => {
    expect(pairShape(both('dc1', ['a1', 'a2']), grouped)).toEqual({
      kind: 'list', pairs: [{ a: 'dc1', b: 'a1', both: true }, { a: 'dc1', b: 'a2', both: true }],
    });
  });

  it('tells more pairs that all involve one site as that site and its partners, a whole group counted', () => {
    const shape = pairShape(both('dc1', [...region('a'), ...region('b'), 'c1']), grouped);
    expect(shape.kind).toBe('site');
    if (shape.kind !== 'site') return;
    expect(shape.site).toBe('dc1');
    expect(shape.partners.count).toBe(9);
    // Past 8 sites, counted per group, the first 3 of each named.
    expect(shape.partners.parts.map((p) => [p.group?.basis, p.count, p.sites])).toEqual([
      [{ by: 'region', region: 'region-a' }, 4, ['a1', 'a2', 'a3']],
      [{ by: 'region', region: 'region-b' }, 4, ['b1', 'b2', 'b3']],
      [{ by: 'region', region: 'region-c' }, 1, ['c1']],
    ]);
  });

  it('tells pairs joining two sides as the sides, the few before the many', () => {
    const shape = pairShape([...both('dc1', region('c')), ...both('dc2', region('c'))], grouped);
    expect(shape.kind).toBe('between');
    if (shape.kind !== 'between') return;
    expect(shape.sides.map((s) => s.count)).toEqual([2, 4]);
    expect(shape.sides[0].parts[0]!.sites).toEqual(['dc1', 'dc2']);
  });

  it('falls back to the sites involved when no two sides hold (a triangle and more)', () => {
    const pairs: Pair[] = [['a1', 'a2'], ['a2', 'a3'], ['a3', 'a1'], ['b1', 'b2'], ['b2', 'b3'], ['b3', 'b4'], ['b4', 'b1']];
    const shape = pairShape(pairs, plain);
    expect(shape.kind).toBe('among');
    if (shape.kind === 'among') expect(shape.sites.count).toBe(7);
  });
});

describe('siteSet()', () => {
  it('names up to 8 sites whatever their groups', () => {
    expect(siteSet([3, 2, 2, 0], grouped)).toEqual({ count: 3, parts: [{ group: undefined, count: 3, sites: ['dc1', 'a1', 'a2'] }] });
  });

  it('names the first 8 of more sites and counts them when the run has no site details', () => {
    const set = siteSet(SITES.map((_, i) => i), plain);
    expect(set).toEqual({ count: 14, parts: [{ group: undefined, count: 14, sites: SITES.slice(0, 8) }] });
  });
});
