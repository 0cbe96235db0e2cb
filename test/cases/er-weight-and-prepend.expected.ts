/**
 * Among ER circuits: connection weight first, then shorter AS path, then ECMP (azure-routing-rules.md section 3.4;
 * routing-model.md "Best path: ER gateway").
 *
 * dc (10.80.0.0/24, dc-ce AS 65080) is advertised on er1 as [65080] and on er2 with `prependAsPath: 2` as
 * [65080 65080 65080] (two extra copies on top of the normal eBGP prepend, like Cisco's
 * `set as-path prepend 65080 65080`). The ER gateways receive [12076 65080] from er1 and
 * [12076 65080 65080 65080] from er2.
 * - vnetw: er2 connection weight 100, er1 weight 0 -> er2 wins although its AS path is longer (4 > 2):
 *   weight is checked before AS path. Loser: the er1 copy, `connection weight 0 < 100`.
 * - vnetp: both weights 0 -> the shorter AS path (er1) wins. Loser: the er2 copy, `longer AS path (4 > 2)`.
 * Reverse direction: dc-ce has each VNet prefix from both MSEEs as [12076 65515]; local-preference 200 on er1
 * makes er1 win (loser er2 copy `local-preference 100 < 200`). So vnetw<->dc is asymmetric (out on er2, back
 * on er1): a weight that disagrees with on-prem policy is a finding.
 * VNet to VNet: both circuits reflect each gateway's prefix to the other gateway ([12076 65515], 65515 accepted
 * from an MSEE). vnetw/ergw prefers the er2 copy of vnetp's prefix (weight 100); vnetp/ergw has vnetw's prefix
 * from er1 and er2 with weight 0 and equal paths: ECMP over both circuits.
 */
import type { CaseExpectation } from '../case-types.js';

const W = '10.70.0.0/24';
const P = '10.71.0.0/24';
const DC = '10.80.0.0/24';

export default {
  topology: 'er-weight-and-prepend.json',
  rule: 'Section 3.4 (among ER circuits): connection weight, then shorter AS path, then ECMP over up to 4 circuits',
  scenarios: [
    {
      failed: [],
      why: 'vnetw prefers er2 by weight despite the prepend; vnetp prefers er1 by AS path; dc prefers er1 by local-preference',
      routes: [
        {
          node: 'vnetw/ergw', prefix: DC,
          best: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65080, 65080, 65080], weight: 100 }],
          losers: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65080], weight: 0, reason: 'connection weight 0 < 100' }],
        },
        {
          node: 'vnetp/ergw', prefix: DC,
          best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65080], weight: 0 }],
          losers: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65080, 65080, 65080], weight: 0, reason: 'longer AS path (4 > 2)' }],
        },
        { node: 'vnetw', prefix: DC, best: [{ source: 'er', nextHop: 'vnetw/ergw', asPath: [12076, 65080, 65080, 65080] }] },
        { node: 'vnetp', prefix: DC, best: [{ source: 'er', nextHop: 'vnetp/ergw', asPath: [12076, 65080] }] },
        { node: 'er2/msee', prefix: DC, best: [{ source: 'er', nextHop: 'dc-ce', asPath: [65080, 65080, 65080] }] },
        {
          node: 'dc-ce', prefix: W,
          best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], localPref: 200 }],
          losers: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65515], localPref: 100, reason: 'local-preference 100 < 200' }],
        },
        // VNet to VNet over ER: weight again on vnetw; ECMP over both circuits on vnetp.
        {
          node: 'vnetw/ergw', prefix: P,
          best: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65515], weight: 100 }],
          losers: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], weight: 0, reason: 'connection weight 0 < 100' }],
        },
        {
          node: 'vnetp/ergw', prefix: W,
          best: [
            { source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515], weight: 0 },
            { source: 'er', nextHop: 'er2/msee', asPath: [12076, 65515], weight: 0 },
          ],
        },
      ],
      pairs: [
        { src: 'vnetw', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er2-vnetw', 'er-link:er2-primary']], hops: ['vnetw/ergw', 'er2/msee', 'dc-ce', 'dc'], symmetric: false },
        { src: 'dc', dst: 'vnetw', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-vnetw']], hops: ['dc-ce', 'er1/msee', 'vnetw/ergw', 'vnetw'], symmetric: false },
        { src: 'vnetp', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-vnetp', 'er-link:er1-primary']], hops: ['vnetp/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'vnetp', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-vnetp']], hops: ['dc-ce', 'er1/msee', 'vnetp/ergw', 'vnetp'], symmetric: true },
        // One path out (weight), two back (ECMP): not the same set -> asymmetric.
        { src: 'vnetw', dst: 'vnetp', outcome: 'DELIVERED', paths: [['er-conn:er2-vnetw', 'er-conn:er2-vnetp']], hops: ['vnetw/ergw', 'er2/msee', 'vnetp/ergw', 'vnetp'], symmetric: false },
        {
          src: 'vnetp', dst: 'vnetw', outcome: 'DELIVERED',
          paths: [['er-conn:er1-vnetp', 'er-conn:er1-vnetw'], ['er-conn:er2-vnetp', 'er-conn:er2-vnetw']],
          symmetric: false,
        },
      ],
    },
    {
      failed: ['er-link:er2-primary'],
      why: 'er2 loses the CE: vnetw fails over to er1 (the weight only ranks routes that exist) and vnetw<->dc becomes symmetric; VNet-to-VNet over er2 is untouched',
      routes: [
        { node: 'vnetw/ergw', prefix: DC, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65080], weight: 0 }] },
      ],
      pairs: [
        { src: 'vnetw', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-vnetw', 'er-link:er1-primary']], hops: ['vnetw/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        // Same path as before; listed because its symmetry changes.
        { src: 'dc', dst: 'vnetw', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-vnetw']], hops: ['dc-ce', 'er1/msee', 'vnetw/ergw', 'vnetw'], symmetric: true },
        { src: 'vnetw', dst: 'vnetp', outcome: 'DELIVERED', paths: [['er-conn:er2-vnetw', 'er-conn:er2-vnetp']], hops: ['vnetw/ergw', 'er2/msee', 'vnetp/ergw', 'vnetp'], symmetric: false },
      ],
    },
    {
      failed: ['er-link:er1-primary'],
      why: 'er1 loses the CE: vnetp and dc fail over to the prepended / lower-preference er2; everything to dc is symmetric on er2',
      routes: [
        { node: 'vnetp/ergw', prefix: DC, best: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65080, 65080, 65080] }] },
        { node: 'dc-ce', prefix: W, best: [{ source: 'er', nextHop: 'er2/msee', asPath: [12076, 65515], localPref: 100 }] },
      ],
      pairs: [
        { src: 'vnetp', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er2-vnetp', 'er-link:er2-primary']], hops: ['vnetp/ergw', 'er2/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'vnetp', outcome: 'DELIVERED', paths: [['er-link:er2-primary', 'er-conn:er2-vnetp']], hops: ['dc-ce', 'er2/msee', 'vnetp/ergw', 'vnetp'], symmetric: true },
        { src: 'dc', dst: 'vnetw', outcome: 'DELIVERED', paths: [['er-link:er2-primary', 'er-conn:er2-vnetw']], hops: ['dc-ce', 'er2/msee', 'vnetw/ergw', 'vnetw'], symmetric: true },
        // Path unchanged (er2), symmetry changes.
        { src: 'vnetw', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er2-vnetw', 'er-link:er2-primary']], hops: ['vnetw/ergw', 'er2/msee', 'dc-ce', 'dc'], symmetric: true },
        // er1 still joins the two gateways: vnetp keeps ECMP to vnetw.
        {
          src: 'vnetp', dst: 'vnetw', outcome: 'DELIVERED',
          paths: [['er-conn:er1-vnetp', 'er-conn:er1-vnetw'], ['er-conn:er2-vnetp', 'er-conn:er2-vnetw']],
          symmetric: false,
        },
      ],
    },
    {
      failed: ['er-conn:er2-vnetw'],
      why: 'vnetw\'s weighted connection goes: vnetw falls back to er1 for dc and vnetp, and all its pairs become symmetric',
      routes: [
        { node: 'vnetw/ergw', prefix: DC, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65080], weight: 0 }] },
        { node: 'vnetp/ergw', prefix: W, best: [{ source: 'er', nextHop: 'er1/msee', asPath: [12076, 65515] }] },
      ],
      pairs: [
        { src: 'vnetw', dst: 'dc', outcome: 'DELIVERED', paths: [['er-conn:er1-vnetw', 'er-link:er1-primary']], hops: ['vnetw/ergw', 'er1/msee', 'dc-ce', 'dc'], symmetric: true },
        { src: 'dc', dst: 'vnetw', outcome: 'DELIVERED', paths: [['er-link:er1-primary', 'er-conn:er1-vnetw']], hops: ['dc-ce', 'er1/msee', 'vnetw/ergw', 'vnetw'], symmetric: true },
        { src: 'vnetw', dst: 'vnetp', outcome: 'DELIVERED', paths: [['er-conn:er1-vnetw', 'er-conn:er1-vnetp']], hops: ['vnetw/ergw', 'er1/msee', 'vnetp/ergw', 'vnetp'], symmetric: true },
        { src: 'vnetp', dst: 'vnetw', outcome: 'DELIVERED', paths: [['er-conn:er1-vnetp', 'er-conn:er1-vnetw']], hops: ['vnetp/ergw', 'er1/msee', 'vnetw/ergw', 'vnetw'], symmetric: true },
      ],
    },
  ],
} satisfies CaseExpectation;
