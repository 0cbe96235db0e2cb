import { describe, expect, it } from 'vitest';
import type { CutSizeDigest, RunInfo } from '../../../src/report/read/run-digest.js';
import type { ResilienceSummaryIn, SummaryRecordIn } from '../../../src/report/read/run-records.js';
import { resilienceView, type CutSetsView } from '../../../src/report/view/resilience.js';
import { siteGroups } from '../../../src/report/view/site-groups.js';
import { siteContext } from '../../../src/report/view/site-set.js';

/**
 * A hub with two spokes, and two on-premises sites: dc on circuit c1 (two links, one gateway connection) with a
 * VPN as backup, office on a VPN only. Up to 2 failures. Figures: ExpressRoute 0.0005, VPN 0.01 (set on the
 * command line), peerings 0 but peering:hub-s2 0.001 (its own figure).
 */
const SITES = ['hub', 's1', 's2', 'dc', 'office'];
const UNITS = ['peering:hub-s1', 'peering:hub-s2', 'er-link:c1-a', 'er-link:c1-b', 'er-conn:c1-hub', 'vpn:hub-dc', 'vpn:hub-office'];
const ctx = siteContext(SITES, siteGroups(SITES, undefined));

const run: RunInfo = {
  topology: 't', sites: SITES, siteDetails: undefined, failureUnits: UNITS, disabledUnits: [], scenarios: 28, maxFailures: 2,
  designFindings: [], asymmetryThreshold: 'circuit', scenarioRecords: 'irreducible',
  availability: {
    unavailability: {
      kinds: [
        { kind: 'er-link', value: 0.0005, source: 'https://learn.microsoft.com/azure/expressroute/expressroute-faqs' },
        { kind: 'vpn', value: 0.01, source: 'command line' },
        { kind: 'global-reach', value: 0.0005, source: 'https://learn.microsoft.com/azure/expressroute/expressroute-faqs' },
        { kind: 'peering', value: 0, source: 'javascript:alert(1)' },
        { kind: 'er-conn', value: 0.0005, source: 'https://learn.microsoft.com/azure/reliability/reliability-virtual-network-gateway' },
      ],
      units: { 'peering:hub-s2': 0.001 },
    },
    target: 99.9,
  },
};

/** Connected: hub, s1, s2 with each other and with dc and office (9 pairs); dc and office are not. */
function summary(resilience: Partial<ResilienceSummaryIn> & Pick<ResilienceSummaryIn, 'availability'>): SummaryRecordIn {
  return {
    type: 'summary', partial: false, scenarios: { total: 28, run: 10, unchanged: 0, errors: 0, notConverged: 0 }, ranking: [], rankingOmitted: 0,
    resilience: { maxCutSize: 2, connectedPairs: 9, bySmallestCut: {}, ...resilience },
  };
}

describe('resilienceView()', () => {
  it('is undefined for a run that does not look for cut sets, and says "not computed" for one interrupted', () => {
    const noCuts = { ...run, availability: undefined };
    expect(resilienceView({ run: noCuts, summary: summary({ availability: { bound: 0, worst: [] } }), cutSizes: [] }, { ctx, spofTold: false })).toBeUndefined();
    const interrupted: SummaryRecordIn = { ...summary({ availability: { bound: 0, worst: [] } }), partial: true, resilience: undefined };
    expect(resilienceView({ run, summary: interrupted, cutSizes: [] }, { ctx, spofTold: false })).toEqual({ complete: false, maxCutSize: 2 });
  });

  it('groups the pairs of a cut size by their cuts, most pairs first, and leaves single points of failure to their own section when it has them', () => {
    // s1's peering cuts s1 from hub, s2, dc and office; office's tunnel cuts it from hub, s1, s2. Hub and dc
    // survive one failure: the circuit's connection and the VPN, or the VPN and both links.
    const sizes: CutSizeDigest[] = [
      {
        size: 1, pairs: 7, first: [
          { pair: ['hub', 's1'], cuts: [['peering:hub-s1']] }, { pair: ['hub', 'office'], cuts: [['vpn:hub-office']] },
          { pair: ['s1', 's2'], cuts: [['peering:hub-s1']] }, { pair: ['s1', 'dc'], cuts: [['peering:hub-s1']] },
          { pair: ['s1', 'office'], cuts: [['peering:hub-s1'], ['vpn:hub-office']] }, { pair: ['s2', 'office'], cuts: [['vpn:hub-office']] },
          { pair: ['s2', 'dc'], cuts: [['peering:hub-s2']] },
        ],
      },
      { size: 2, pairs: 1, first: [{ pair: ['hub', 'dc'], cuts: [['er-conn:c1-hub', 'vpn:hub-dc']] }] },
    ];
    const input = summary({ bySmallestCut: { 1: 7, 2: 1, none: 1 }, availability: { bound: 1e-6, worst: [] } });
    const told = resilienceView({ run, summary: input, cutSizes: sizes }, { ctx, spofTold: true }) as CutSetsView;
    expect(told.sizes.map((s) => [s.size, s.pairs, s.listed, s.groups?.length])).toEqual([[1, 7, 7, undefined], [2, 1, 1, 1]]);
    expect(told.uncut).toBe(1);
    const all = resilienceView({ run, summary: input, cutSizes: sizes }, { ctx, spofTold: false }) as CutSetsView;
    const both = (a: string, b: string): { a: string; b: string; both: true } => ({ a, b, both: true });
    expect(all.sizes[0]!.groups).toEqual([
      { cuts: [['peering:hub-s1']], count: 3, pairs: { kind: 'list', pairs: [both('hub', 's1'), both('s1', 's2'), both('s1', 'dc')] } },
      { cuts: [['vpn:hub-office']], count: 2, pairs: { kind: 'list', pairs: [both('hub', 'office'), both('s2', 'office')] } },
      { cuts: [['peering:hub-s1'], ['vpn:hub-office']], count: 1, pairs: { kind: 'list', pairs: [both('s1', 'office')] } },
      { cuts: [['peering:hub-s2']], count: 1, pairs: { kind: 'list', pairs: [both('s2', 'dc')] } },
    ]);
  });

  it('groups the least available pairs by figure and likely cuts, leaving out cuts of a unit never down and pairs never down', () => {
    // hub, s1 <-> office: the tunnel, 0.01 (s1's peering, never down, is its other cut). s2 <-> office: the
    // tunnel or s2's own peering, 1 - 0.99 * 0.999. hub <-> s1: only the peering, never down.
    const office = 0.01;
    const s2 = 1 - 0.99 * 0.999;
    const input = summary({
      availability: {
        bound: 1e-6, target: 99.9, belowTarget: 3, undetermined: 0, worst: [
          { pair: ['s2', 'office'], availability: 100 * (1 - s2), unavailability: s2, dominantCuts: [['vpn:hub-office'], ['peering:hub-s2']] },
          { pair: ['hub', 'office'], availability: 100 * (1 - office), unavailability: office, dominantCuts: [['vpn:hub-office']] },
          { pair: ['s1', 'office'], availability: 100 * (1 - office), unavailability: office, dominantCuts: [['vpn:hub-office'], ['peering:hub-s1']] },
          { pair: ['hub', 's1'], availability: 100, unavailability: 0, dominantCuts: [['peering:hub-s1']] },
        ],
      },
    });
    const view = resilienceView({ run, summary: input, cutSizes: [] }, { ctx, spofTold: true }) as CutSetsView;
    expect(view.availability.worst).toEqual([
      { first: ['s2', 'office'], count: 1, unavailability: s2, target: 'below', likelyCuts: [['vpn:hub-office'], ['peering:hub-s2']], pairs: { kind: 'list', pairs: [{ a: 's2', b: 'office', both: true }] } },
      {
        first: ['hub', 'office'], count: 2, unavailability: office, target: 'below', likelyCuts: [['vpn:hub-office']],
        pairs: { kind: 'list', pairs: [{ a: 'hub', b: 'office', both: true }, { a: 's1', b: 'office', both: true }] },
      },
    ]);
    // 9 connected pairs, none without cuts: 9 - 4 listed are not.
    expect(view.availability.unlisted).toBe(5);
  });

  it('gives the figures of the kinds the run\'s units have, in the run\'s order, linked only to https sources; and the units with their own', () => {
    const view = resilienceView({ run, summary: summary({ availability: { bound: 0, worst: [] } }), cutSizes: [] }, { ctx, spofTold: true }) as CutSetsView;
    expect(view.availability.kinds).toEqual([
      { kind: 'er-link', value: 0.0005, link: 'https://learn.microsoft.com/azure/expressroute/expressroute-faqs', source: 'https://learn.microsoft.com/azure/expressroute/expressroute-faqs' },
      { kind: 'vpn', value: 0.01, link: undefined, source: 'command line' },
      { kind: 'peering', value: 0, link: undefined, source: 'javascript:alert(1)' },
      {
        kind: 'er-conn', value: 0.0005, link: 'https://learn.microsoft.com/azure/reliability/reliability-virtual-network-gateway',
        source: 'https://learn.microsoft.com/azure/reliability/reliability-virtual-network-gateway',
      },
    ]);
    expect(view.availability.units).toEqual([{ unit: 'peering:hub-s2', value: 0.001 }]);
  });

  describe('against the target', () => {
    // 9 connected pairs: 1 with no cut of up to 2 units, 8 with cuts (3 below, 1 undetermined, so 4 meet it).
    const withBound = (bound: number): CutSetsView => resilienceView({
      run, cutSizes: [], summary: summary({ bySmallestCut: { 1: 7, 2: 1, none: 1 }, availability: { bound, target: 99.9, belowTarget: 3, undetermined: 1, worst: [] } }),
    }, { ctx, spofTold: true }) as CutSetsView;

    it('counts a pair with no cut as meeting it when more than K units are down too rarely to matter', () => {
      // 100 * (1 - 1e-6) = 99.9999 >= 99.9.
      expect(withBound(1e-6).availability.target).toEqual({ percent: 99.9, below: 3, undetermined: 1, met: 5 });
    });

    it('counts a pair with no cut as undetermined when more than K units are down often enough to miss it', () => {
      // 100 * (1 - 0.002) = 99.8 < 99.9: such a pair could be down up to 0.2 % of the time.
      expect(withBound(0.002).availability.target).toEqual({ percent: 99.9, below: 3, undetermined: 2, met: 4 });
    });
  });
});
