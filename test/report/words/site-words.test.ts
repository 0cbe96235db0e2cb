import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/report/html/rich-html.js';
import type { SiteDetail } from '../../../src/report/read/run-records.js';
import { pairShape } from '../../../src/report/view/pair-shape.js';
import { siteGroups } from '../../../src/report/view/site-groups.js';
import { siteContext, siteSet } from '../../../src/report/view/site-set.js';
import { groupWords, pairShapeWords, siteSetWords } from '../../../src/report/words/site-words.js';

/** hub-a with 9 spokes, hub-b with 2; two on-premises sites. */
const DETAILS: SiteDetail[] = [
  { id: 'hub-a', kind: 'vnet', hub: 'hub-a' }, ...Array.from({ length: 9 }, (_, i): SiteDetail => ({ id: `a${i + 1}`, kind: 'vnet', hub: 'hub-a' })),
  { id: 'hub-b', kind: 'vnet', hub: 'hub-b' }, { id: 'b1', kind: 'vnet', hub: 'hub-b' }, { id: 'b2', kind: 'vnet', hub: 'hub-b' },
  { id: 'dc1', kind: 'onprem' }, { id: 'dc2', kind: 'onprem' },
];
const SITES = DETAILS.map((d) => d.id);
const ctx = siteContext(SITES, siteGroups(SITES, DETAILS));
const index = (ids: string[]): number[] => ids.map((id) => SITES.indexOf(id));

describe('sites in words', () => {
  it('names a group by what its sites share', () => {
    expect(ctx.groups.groups.map((g) => plainText(groupWords(g)))).toEqual(['hub hub-a', 'hub hub-b', 'on-premises sites']);
  });

  it('counts a whole group as one, and names a few sites of a group in part', () => {
    const set = siteSet(index([...SITES.slice(0, 10), 'b1', 'b2', 'dc2']), ctx);
    expect(plainText(siteSetWords(set))).toBe('all 10 sites of hub hub-a; b1, b2 (hub hub-b); dc2 (on-premises sites)');
    expect(plainText(siteSetWords(siteSet(index(['a1', 'a2', 'a3', 'a4', 'a5', 'hub-b', 'b1', 'b2', 'dc1', 'dc2']), ctx))))
      .toBe('5 sites of hub hub-a (a1, a2, a3, ...); all 3 sites of hub hub-b; all 2 on-premises sites');
  });

  it('names up to 8 sites plainly, the last after "and"', () => {
    expect(plainText(siteSetWords(siteSet(index(['dc1', 'a1', 'hub-b']), ctx)))).toBe('a1, hub-b and dc1');
  });

  it('tells pairs by the site they share, or by their two sides', () => {
    const withDc1 = SITES.filter((s) => s.startsWith('hub-a') || /^a\d$/.test(s)).flatMap((s): [string, string][] => [['dc1', s], [s, 'dc1']]);
    expect(plainText(pairShapeWords(pairShape(withDc1, ctx)))).toBe('dc1 with all 10 sites of hub hub-a');
    const sides = ['dc1', 'dc2'].flatMap((dc) => SITES.slice(0, 10).map((s): [string, string] => [dc, s]));
    expect(plainText(pairShapeWords(pairShape(sides, ctx)))).toBe('between dc1 and dc2 and all 10 sites of hub hub-a');
  });
});
